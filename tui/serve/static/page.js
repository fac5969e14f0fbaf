// recovery-tui, added to textual-serve's page (loaded after its textual.js):
// take the token out of the address bar (the cookie carries it now), fit at
// least 62 columns on a narrow screen, start the terminal once its font is
// there, ring the terminal bell in the browser, and ask before a reload or
// a close ends a routine in progress.
(function () {
  "use strict";
  const MIN_COLUMNS = 62;  // the app needs 60; xterm.js keeps a little margin
  const params = new URLSearchParams(window.location.search);

  if (params.has("token")) {
    params.delete("token");
    const rest = params.toString();
    history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
  }

  window.addEventListener("DOMContentLoaded", function () {
    const terminal = document.querySelector(".textual-terminal");
    if (terminal && !params.has("fontsize")) {
      const fits = Math.floor(window.innerWidth / (MIN_COLUMNS * 0.6));  // a cell is 0.6 em wide
      terminal.dataset.fontSize = String(Math.max(8, Math.min(16, fits)));
    }
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
  window.onload = function (event) {
    const go = function () { if (startTerminal) startTerminal.call(window, event); };
    if (document.fonts && document.fonts.load) {
      document.fonts.load('16px "Roboto Mono"').then(go, go);
    } else {
      go();
    }
  };

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
