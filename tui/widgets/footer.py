"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Shows exactly what Textual's Footer shows, with less work while a screen starts.

    Textual's Footer rebuilds every key after each bindings signal, and a
    starting screen sends several (focus, screen resume, app focus) that leave
    the keys as they were; this one skips a rebuild that would show the same keys.
    """

    _shown: tuple | None = None

    def _keys(self) -> tuple:
        """Everything the footer's compose reads."""
        app = self.app
        return (
            tuple(
                (binding, enabled, tooltip)
                for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
            self.show_command_palette and app.ENABLE_COMMAND_PALETTE,
            self.combine_groups,
            self.compact,
            app.COMMAND_PALETTE_BINDING,
        )

    async def recompose(self) -> None:
        if self.is_attached:
            keys = self._keys()
            if keys == self._shown:
                return
            self._shown = keys
        await super().recompose()
