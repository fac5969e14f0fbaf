"""Real Syncthing daemons for the tests: each with its own home, on loopback
only, with global and local discovery, relays, NAT traversal, usage
reporting and upgrades off, driven through Syncthing's REST API."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER_ID = "rtui-test"
MISSING = ("Syncthing is not installed, and the two-device test needs the real engine: "
           "install Debian's package (apt-get install -y syncthing); .ci/run does so when it is missing.")
OPTIONS = {
    "globalAnnounceEnabled": "false", "localAnnounceEnabled": "false", "relaysEnabled": "false",
    "natEnabled": "false", "urAccepted": "-1", "startBrowser": "false", "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0", "reconnectionIntervalS": "1", "announceLANAddresses": "false",
}


def syncthing_binary() -> str | None:
    return shutil.which("syncthing")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    def __init__(self, home: Path, log: Path) -> None:
        self.home, self.log = home, log
        self.gui, self.listen = free_port(), free_port()
        self.key = f"key-{self.gui}"
        self.process: subprocess.Popen | None = None
        self.id = ""

    def start(self, binary: str) -> None:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1"}
        subprocess.run([binary, "generate", f"--home={self.home}", "--no-default-folder"],
                       env=env, check=True, capture_output=True)
        self._loopback_only()
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [binary, "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade",
                 "--no-default-folder", f"--gui-address=127.0.0.1:{self.gui}", f"--gui-apikey={self.key}"],
                env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.id = self.get("/rest/system/status")["myID"]
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"Syncthing did not start; see {self.log}") from None
                time.sleep(0.2)

    def _loopback_only(self) -> None:
        config = self.home / "config.xml"
        tree = ET.parse(config)
        options = tree.getroot().find("options")
        for element in options.findall("listenAddress"):
            options.remove(element)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.listen}"
        for name, value in OPTIONS.items():
            element = options.find(name)
            if element is None:
                element = ET.SubElement(options, name)
            element.text = value
        tree.write(config)

    def request(self, method: str, path: str, body: object = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui}{path}", data=data, method=method,
                                         headers={"X-API-Key": self.key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
        return json.loads(text) if text.strip() else None

    def get(self, path: str):
        return self.request("GET", path)

    def share(self, folder: Path, peer: Daemon) -> None:
        self.request("POST", "/rest/config/devices", {
            "deviceID": peer.id, "name": "peer", "addresses": [f"tcp://127.0.0.1:{peer.listen}"]})
        self.request("POST", "/rest/config/folders", {
            "id": FOLDER_ID, "label": FOLDER_ID, "path": str(folder), "type": "sendreceive",
            "devices": [{"deviceID": self.id}, {"deviceID": peer.id}],
            "rescanIntervalS": 3600, "fsWatcherEnabled": False, "maxConflicts": -1})

    def pause(self, peer: Daemon) -> None:
        self.request("POST", f"/rest/system/pause?device={peer.id}")

    def resume(self, peer: Daemon) -> None:
        self.request("POST", f"/rest/system/resume?device={peer.id}")

    def scan(self) -> None:
        self.request("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def settled_with(self, peer: Daemon) -> bool:
        """Syncthing's own word: connected, idle, nothing to pull, the peer complete."""
        connection = self.get("/rest/system/connections")["connections"].get(peer.id, {})
        status = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        completion = self.get(f"/rest/db/completion?folder={FOLDER_ID}&device={peer.id}")
        return (connection.get("connected") is True and status["state"] == "idle"
                and status["needTotalItems"] == 0 and status.get("pullErrors", 0) == 0
                and completion["completion"] == 100 and completion["needItems"] == 0
                and completion["needDeletes"] == 0)

    def global_names(self) -> list[str]:
        """Every file name in the folder's global index (what is synced)."""
        names: list[str] = []

        def walk(tree: object, prefix: str) -> None:
            entries = tree if isinstance(tree, list) else []
            for entry in entries:
                names.append(prefix + entry["name"])
                walk(entry.get("children", []), prefix + entry["name"] + "/")

        walk(self.get(f"/rest/db/browse?folder={FOLDER_ID}"), "")
        return names

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                self.request("POST", "/rest/system/shutdown")
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
