"""Routines: model (frozen dataclasses), loader (TOML to Routine, with errors
that name file and field), timer (the engine on an injected clock) and voice
(spoken cues and the espeak-ng speaker). May import: common.
"""
