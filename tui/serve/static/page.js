// recovery-tui, added to textual-serve's page (loaded after its textual.js):
// take the token out of the address bar (the cookie carries it now), pick a
// font size the app fits at (again when the phone is turned), start the
// terminal once its font is there, ring
// the terminal bell in the browser, and ask before a reload or a close ends
// a routine in progress.
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);

  if (params.has("token")) {
    params.delete("token");
    const rest = params.toString();
    history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
  }

  window.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button.restart").forEach(function (button) {
      button.addEventListener("click", restart);
    });
  });

  function restart() {  // the same page again, as it was first opened
    const again = new URLSearchParams(window.location.search);
    again.delete("delay");
    const rest = again.toString();
    window.location.href = window.location.pathname + (rest ? "?" + rest : "");
  }

  // textual.js builds its terminal in window.onload, measuring a cell of its
  // font then: wait for the font (served from this origin) so cells are its size.
  const startTerminal = window.onload;
  let xterm = null;  // textual.js's xterm.js Terminal, to re-pick its font size
  window.onload = function (event) {
    const go = function () {
      const terminal = document.querySelector(".textual-terminal");
      if (terminal && !params.has("fontsize")) terminal.dataset.fontSize = String(fontSize(terminal));
      if (startTerminal) xterm = catchTerminal(function () { startTerminal.call(window, event); });
    };
    if (document.fonts && document.fonts.load) {
      document.fonts.load('16px "Roboto Mono"').then(go, go);
    } else {
      go();
    }
  };

  // The font size: 16 px, readable at arm's length, where the app gets its
  // smallest size (data-min-columns x data-min-rows, from tui/min_size.py)
  // and two rows to spare (a phone upright: 16 px, about 43 x 40); else the
  // largest size down to 14 px that gives that (a phone sideways: 14 px,
  // about 105 x 20, as 16 px would leave the session its very least, 18
  // rows); else the largest down to 8 px at which the app fits at all.
  function fontSize(terminal) {
    const columns = Number(terminal.dataset.minColumns), rows = Number(terminal.dataset.minRows);
    const fits = function (size, spare) {
      const cell = cellAt(size);
      return Math.floor(terminal.clientWidth / cell.width) >= columns &&
        Math.floor(terminal.clientHeight / cell.height) >= rows + spare;
    };
    for (let size = 16; size >= 14; size--) if (fits(size, 2)) return size;
    for (let size = 15; size > 8; size--) if (fits(size, 0)) return size;
    return 8;
  }

  // textual.js keeps its xterm.js Terminal to itself, as `this.terminal` of
  // the object its onload makes: catch that one assignment, only while
  // `start` runs (the same catch as tests/serve/browser.py, which it keeps
  // working). Without it (a textual-serve that names it otherwise) the font
  // is picked once, as before.
  function catchTerminal(start) {
    const before = Object.getOwnPropertyDescriptor(Object.prototype, "terminal");
    let caught = null;
    Object.defineProperty(Object.prototype, "terminal", {
      configurable: true,
      set(value) {
        if (caught === null) caught = value;
        if (before && before.set) before.set.call(this, value);
        else Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
      },
      get() { return before && before.get ? before.get.call(this) : undefined; },
    });
    try {
      start();
    } finally {
      if (before) Object.defineProperty(Object.prototype, "terminal", before);
      else delete Object.prototype.terminal;
    }
    return caught;
  }

  // A phone turned after the page loaded: the font size picked again for the
  // new shape (16 px upright, 14 px sideways), then the terminal re-fitted
  // (textual.js's own window.onresize, which tells the app its new size).
  window.addEventListener("resize", function () {
    const terminal = document.querySelector(".textual-terminal");
    if (xterm === null || terminal === null || params.has("fontsize")) return;
    const size = fontSize(terminal);
    if (Number(xterm.options.fontSize) === size) return;
    xterm.options.fontSize = size;
    if (typeof window.onresize === "function") window.onresize();
  });

  // A cell of the terminal at a font size, in CSS pixels, measured and
  // rounded to device pixels as xterm.js does (its CharSizeService and
  // RenderService: the glyph "W", width rounded down, height up).
  function cellAt(size) {
    const ratio = window.devicePixelRatio || 1;
    const context = document.createElement("canvas").getContext("2d");
    context.font = size + "px 'Roboto Mono', Monaco, 'Courier New', monospace";
    const glyph = context.measureText("W");
    const height = glyph.fontBoundingBoxAscent + glyph.fontBoundingBoxDescent;
    return {width: Math.floor(glyph.width * ratio) / ratio, height: Math.ceil(height * ratio) / ratio};
  }

  // The app says when a routine starts and ends (["routine", true|false]):
  // while one runs, a reload or a close asks first, since it ends the routine.
  window.recoveryTuiRoutine = false;
  window.addEventListener("beforeunload", function (event) {
    if (!window.recoveryTuiRoutine) return undefined;
    event.preventDefault();
    event.returnValue = "";  // older browsers need a value to ask
    return "";
  });

  // The bell: BEL (0x07) in the app's output, except where it ends an OSC,
  // DCS, APC, PM or SOS string. A beep, and a buzz on a phone.
  window.recoveryTuiBells = 0;
  let state = 0;  // 0 text, 1 after ESC, 2 inside a string, 3 ESC inside a string
  function bellsIn(bytes) {
    let bells = 0;
    for (const byte of bytes) {
      if (state === 0) {
        if (byte === 0x07) bells += 1;
        else if (byte === 0x1b) state = 1;
      } else if (state === 1) {
        state = [0x5d, 0x50, 0x5f, 0x5e, 0x58].includes(byte) ? 2 : 0;  // ] P _ ^ X
      } else if (state === 2) {
        if (byte === 0x07) state = 0;
        else if (byte === 0x1b) state = 3;
      } else {
        state = byte === 0x5c ? 0 : 2;  // ESC \ ends the string
      }
    }
    return bells;
  }

  let audio = null;
  function unlockAudio() {  // browsers allow sound only after a key or a tap
    if (audio === null && window.AudioContext) audio = new AudioContext();
  }
  ["keydown", "pointerdown", "touchstart"].forEach(function (name) {
    window.addEventListener(name, unlockAudio, { capture: true });
  });

  function ring() {
    window.recoveryTuiBells += 1;
    if (navigator.vibrate) navigator.vibrate(200);
    if (audio === null) return;
    if (audio.state === "suspended") audio.resume();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.value = 0.2;
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
  }

  const PageWebSocket = window.WebSocket;
  window.WebSocket = class extends PageWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", function (event) {
        if (typeof event.data !== "string") {
          if (bellsIn(new Uint8Array(event.data)) > 0) ring();
          return;
        }
        try {
          const [kind, value] = JSON.parse(event.data);
          if (kind === "routine") window.recoveryTuiRoutine = value === true;
        } catch (error) {
          // not ours to read
        }
      });
      this.addEventListener("close", function () { window.recoveryTuiRoutine = false; });
    }
  };
})();
