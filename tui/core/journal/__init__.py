"""The journal: journal (the repository), writer (the app's one write path),
records and vetting (what a record is), archive, backups, daily_backup and
housekeeping (what each save does besides saving), storage and store/ (the
only code that writes the journal's bytes), export, pages, stats, soreness,
linking, sessions, record_view, repair.
May import: common, routines, plan.
"""
