"""Two devices, one journal: what makes a journal safe in a synced folder.

identity.py: every record's lasting id (uid). merge.py: the deterministic
merge of two versions of a journal by uid. copies.py: the conflict copies
sync engines leave, found and moved into merged/. migrate.py: the one-time
gift of uids to an older journal. missing.py: a briefly missing journal is
waited for, never replaced. device.py: this device's name, kept outside the
synced folder. opening.py: what every open does with them. See docs/sync.md.
"""
