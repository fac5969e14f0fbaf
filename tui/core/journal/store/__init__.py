"""The journal's storage layer, one concern per module.

atomic.py: the one atomic, private file write and temp-file clean-up.
lock.py: the one re-entrant file lock. json_tables.py: the one strict reader
of journal-shaped files. folder.py: folder and file modes. links.py: links
are never followed. aside.py: moving a journal aside. meta.py and id_floor.py:
ids never reused. table.py: the TinyDB table. tui/core/journal/storage.py puts them
together as a TinyDB Storage.
"""
