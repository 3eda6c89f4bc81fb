#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The demo as a person meets it, in a real X server.

Starts the built cstar-chat-demo under xvfb-run (its own display, D-Bus session
and AT-SPI bus), drives it with real input events (xdotool) and reads it back
the way a screen reader does (AT-SPI, pyatspi). The embedded server's agent
API says what really reached the server.

    run_ui.py --demo PATH --mode widgets|qml --case first-run|empty-send|keyboard|screen-reader

Exits 0 on success, 1 on failure, 77 (CTest SKIP_RETURN_CODE) when xvfb-run,
xdotool, dbus-run-session, the AT-SPI bus launcher or Debian's python3 with
pyatspi are missing (scripts/setup.sh installs them).

Nothing waits a fixed time: every step polls for the AT-SPI object or server
state it needs, with a deadline.
"""

import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77
# pyatspi comes with Debian's python3; a python3 earlier on PATH (pyenv) lacks it.
SYSTEM_PYTHON = os.environ.get("CSTAR_UI_PYTHON", "/usr/bin/python3")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
AGENT_KEY = "sk_ui_test_key"
TEAM = "acme"
DEADLINE_S = float(os.environ.get("CSTAR_UI_DEADLINE", "30"))
CUSTOMER_TITLE = "cStar demo — Customer"
AGENT_TITLE = "cStar demo — Agent console"


class Failure(Exception):
    pass


# ---- outer: check the tools, then run the inner part under xvfb-run ----------


def missing_tools():
    missing = [t for t in ("xvfb-run", "xdotool", "dbus-run-session", "dbus-send")
               if not shutil.which(t)]
    if not os.access(BUS_LAUNCHER, os.X_OK):
        missing.append(BUS_LAUNCHER)
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(SYSTEM_PYTHON)
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode != 0:
        missing.append("pyatspi for " + SYSTEM_PYTHON)
    return missing


def outer(args):
    missing = missing_tools()
    if missing:
        print("SKIP: missing " + ", ".join(missing) + " (scripts/setup.sh installs them)")
        return SKIP
    if not os.access(args.demo, os.X_OK):
        print("FAIL: no demo at " + args.demo)
        return 1
    with tempfile.TemporaryDirectory(prefix="cstar-ui-") as scratch:
        started = os.path.join(scratch, "started")
        for attempt in range(3):
            # xvfb-run -a looks for a free display from -n on; tests running
            # in parallel start from different numbers (and retry on a race).
            first = 100 + (os.getpid() * 7 + attempt * 131) % 800
            command = ["xvfb-run", "-a", "-n", str(first),
                       "-s", "-screen 0 1600x1000x24 -nolisten tcp",
                       "dbus-run-session", "--",
                       SYSTEM_PYTHON, os.path.abspath(__file__), "--inner",
                       "--demo", args.demo, "--mode", args.mode, "--case", args.case,
                       "--scratch", scratch]
            result = subprocess.run(command)
            if os.path.exists(started):
                return result.returncode
            print("xvfb-run or dbus-run-session did not start (exit %d), again" % result.returncode)
    print("FAIL: could not start a virtual display")
    return 1


# ---- inner: under the display, with a session bus ------------------------------


def poll(condition, what, timeout=DEADLINE_S):
    """condition()'s first truthy value, polled until the deadline."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except Exception as e:  # objects come and go while the UI updates
            last_error = e
        if time.monotonic() > deadline:
            raise Failure("timed out waiting for %s%s" % (
                what, " (last error: %s)" % last_error if last_error else ""))
        time.sleep(0.05)


class Session:
    def __init__(self, args):
        self.args = args
        self.qml = args.mode == "qml"
        self.processes = []
        self.home = os.path.join(args.scratch, "home")
        os.makedirs(self.home)
        runtime = os.path.join(args.scratch, "run")
        os.makedirs(runtime, mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = runtime

    def start(self):
        self.start_accessibility_bus()
        global pyatspi
        import pyatspi  # after the bus is there
        self.start_demo()

    def start_accessibility_bus(self):
        self.processes.append(subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"],
                                               stdout=subprocess.DEVNULL))

        def bus_owned():
            out = subprocess.run(
                ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                 "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                 "string:org.a11y.Bus"], capture_output=True, text=True).stdout
            return "boolean true" in out

        poll(bus_owned, "the AT-SPI bus (org.a11y.Bus)")

    def start_demo(self):
        # A first run: no saved settings, session or database.
        env = dict(os.environ)
        env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_LOGGING_RULES": "cstar.*.debug=false",
        })
        command = [self.args.demo, "--lang", "en", "--db", ":memory:", "--agent-key", AGENT_KEY]
        if self.qml:
            command.append("--qml")
        self.demo = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        self.processes.append(self.demo)
        line = ""
        deadline = time.monotonic() + DEADLINE_S
        while "server " not in line:
            if time.monotonic() > deadline or self.demo.poll() is not None:
                raise Failure("the demo did not print its server URL")
            ready, _, _ = select.select([self.demo.stdout], [], [], 0.2)
            if ready:
                line = self.demo.stdout.readline()
        self.server = line.split("server ", 1)[1].strip()
        self.app = poll(self.find_app, "the demo on the AT-SPI bus")
        # The UI changes under us and nothing here runs an event loop to
        # follow it: read names, states and children fresh each time.
        from gi.repository import Atspi
        self.app.set_cache_mask(Atspi.Cache.NONE)
        self.customer = poll(lambda: self.window(CUSTOMER_TITLE), "the customer window")
        self.agent = poll(lambda: self.window(AGENT_TITLE), "the agent console")

    def close(self):
        for p in reversed(self.processes):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()

    # -- AT-SPI -------------------------------------------------------------------

    def find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.get_process_id() == self.demo.pid:
                return app
        return None

    def window(self, title):
        for child in self.app:
            if child is not None and child.name == title and showing(child):
                return child
        return None

    def find(self, root, predicate):
        for obj in walk(root):
            if predicate(obj):
                return obj
        return None

    def wait_object(self, root, what, role=None, name=None, contains=None, need_showing=True):
        """`contains`: in the name or the description (what a screen reader says)."""
        def match(obj):
            if role and role_name(obj) != role:
                return False
            if name is not None and obj.name != name:
                return False
            if contains is not None and contains not in obj.name + " " + obj.description:
                return False
            return not need_showing or showing(obj)
        try:
            return poll(lambda: self.find(root, match), what)
        except Failure as failure:
            # Say what is there instead: a role, a name or a state that differs.
            near = [describe(o) + ("" if showing(o) else " (not showing)") for o in walk(root)
                    if name is not None and (o.name == name or name in o.name)]
            raise Failure("%s; objects with that name: %s" % (failure, ", ".join(near) or "none"))

    def focused(self):
        """Every focused object, for messages (containers and a list's current
        item report the focus too)."""
        found = []
        for obj in walk(self.customer):
            try:
                if obj.getState().contains(pyatspi.STATE_FOCUSED):
                    found.append(describe(obj))
            except Exception:
                pass
        return ", ".join(found) or "nothing"

    def wait_focus(self, role, name, what, timeout=DEADLINE_S):
        def check():
            obj = self.find(self.customer, lambda o: role_name(o) == role and o.name == name
                            and showing(o))
            return obj is not None and obj.getState().contains(pyatspi.STATE_FOCUSED)
        try:
            poll(check, what, timeout)
        except Failure as e:
            raise Failure("%s; focused: %s" % (e, self.focused()))

    # -- input (XTEST events, as a person's) ---------------------------------------

    def click(self, obj):
        x, y, w, h = extents(obj)
        if w <= 0 or h <= 0:
            raise Failure("cannot click %s: it has no area" % describe(obj))
        xdotool("mousemove", "--sync", str(x + w // 2), str(y + h // 2), "click", "1")

    def focus_customer_window(self):
        # No window manager: give the customer window the input focus as a
        # person's click on its title bar would.
        window_id = poll(lambda: xdotool("search", "--name", "^" + CUSTOMER_TITLE + "$").split(),
                         "the customer window on X")[0]
        xdotool("windowfocus", "--sync", window_id)
        poll(lambda: self.customer.getState().contains(pyatspi.STATE_ACTIVE),
             "the customer window to become active")

    # -- the embedded server, as the agent sees it ------------------------------------

    def agent_api(self, method, path, body=None):
        request = urllib.request.Request(
            "%s/api/v1/teams/%s%s" % (self.server, TEAM, path), method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": "Bearer " + AGENT_KEY,
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def tickets(self):
        return self.agent_api("GET", "/tickets?limit=100")["data"]

    def wait_ticket(self, what, title=None, message=None):
        def check():
            for ticket in self.tickets():
                last = (ticket.get("lastMessage") or {}).get("content")
                if (title is None or ticket["title"] == title) and (
                        message is None or last == message):
                    return ticket
            return None
        return poll(check, what)


def walk(root):
    stack = [root]
    while stack:
        obj = stack.pop()
        if obj is None:
            continue
        yield obj
        try:
            stack.extend(reversed([c for c in obj]))
        except Exception:
            pass


# at-spi2-core 2.56 (Debian 13) names ROLE_PUSH_BUTTON "button", 2.46
# (Debian 12) "push button": compare the one spelling.
ROLE_SPELLINGS = {"button": "push button"}


def role_name(obj):
    name = obj.getRoleName()
    return ROLE_SPELLINGS.get(name, name)


def showing(obj):
    return obj.getState().contains(pyatspi.STATE_SHOWING)


def extents(obj):
    e = obj.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def describe(obj):
    try:
        return "[%s] %r" % (role_name(obj), obj.name)
    except Exception:
        return "<gone>"


def xdotool(*args):
    result = subprocess.run(["xdotool"] + list(args), capture_output=True, text=True)
    if result.returncode != 0 and args[0] != "search":
        raise Failure("xdotool %s: %s" % (" ".join(args), result.stderr.strip()))
    return result.stdout


def type_text(text):
    xdotool("type", "--delay", "15", text)


def key(*keys):
    xdotool("key", *keys)


def check(condition, message):
    if not condition:
        raise Failure(message)


# ---- the cases ----------------------------------------------------------------------

# Roles a person operates: each needs a name a screen reader can say.
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "text",
               "entry", "password text", "spin button", "slider", "menu item", "page tab",
               "link", "list", "list item", "tree", "tree item", "table", "table cell"}


def unnamed_controls(root):
    found = []
    for obj in walk(root):
        try:
            if (role_name(obj) in INTERACTIVE and showing(obj) and not obj.name.strip()
                    and extents(obj)[2] > 0):
                found.append(describe(obj) + " at %r" % (extents(obj),))
        except Exception:
            pass
    return found


def message_box(s):
    return s.wait_object(s.customer, "the message box", role="text", name="Message")


def case_first_run(s):
    """A first run (no saved geometry) opens a window one can use, and says honestly
    how live it is."""
    x, y, w, h = extents(s.customer)
    check(w >= 700 and h >= 480, "first-run customer window is only %dx%d" % (w, h))
    for role, name in (("push button", "Start a new conversation"), ("text", "Message"),
                       ("push button", "Send message")):
        obj = s.wait_object(s.customer, name, role=role, name=name)
        ox, oy, ow, oh = extents(obj)
        check(ow > 0 and oh > 0 and ox >= x and oy >= y and ox + ow <= x + w
              and oy + oh <= y + h, "%s is not inside the window" % describe(obj))
    check(extents(message_box(s))[3] >= 30, "the message box is too small to type in")
    # Typing is a customer's first act: the message box has the focus.
    s.focus_customer_window()
    s.wait_focus("text", "Message", "the message box to have the focus at start")
    # Realtime is on and the embedded server streams: both UIs say "Live".
    s.wait_object(s.customer, "the status bar saying Live", role="label",
                  contains="· Live")


def case_empty_send(s):
    """Typing into the empty window and sending starts a conversation with that text."""
    s.wait_object(s.customer, "the empty state", contains="Select a conversation")
    box = message_box(s)
    poll(lambda: box.getState().contains(pyatspi.STATE_ENABLED), "an enabled message box")
    s.focus_customer_window()
    s.click(box)
    s.wait_focus("text", "Message", "the message box to take the focus")
    type_text("Where is my parcel?")
    key("shift+Return")
    type_text("Order 1234")
    key("Return")
    text = "Where is my parcel?\nOrder 1234"
    ticket = s.wait_ticket("a ticket with the typed text", message=text)
    check(ticket["title"] == "Where is my parcel?",
          "the subject is %r, not the first line" % ticket["title"])
    # The customer now sees that conversation, and the box is ready for more.
    s.wait_object(s.customer, "the sent message in the thread", role="list item",
                  contains="Order 1234")
    s.wait_focus("text", "Message", "the message box to keep the focus")


def case_keyboard(s):
    """New conversation without a mouse: Ctrl+N, subject, Tab or Enter, message, Enter."""
    s.focus_customer_window()
    # Into the chat from wherever the window put the focus, with Tab only.
    for _ in range(20):
        key("ctrl+n")
        try:
            s.wait_focus("text", "Subject", "Ctrl+N to focus the subject", timeout=2)
            break
        except Failure:
            key("Tab")
    else:
        raise Failure("Ctrl+N never reached the chat (focused: %s)" % s.focused())
    type_text("Refund for order 77")
    key("Tab")
    s.wait_focus("text", "Message", "Tab from the subject to reach the message box")
    type_text("The parcel came damaged.")
    key("Return")
    s.wait_ticket("the keyboard-made ticket", title="Refund for order 77",
                  message="The parcel came damaged.")
    s.wait_focus("text", "Message", "the message box to keep the focus after sending")

    # Enter in the subject moves on to the message too.
    key("ctrl+n")
    s.wait_focus("text", "Subject", "Ctrl+N to focus the subject again")
    type_text("Second question")
    key("Return")
    s.wait_focus("text", "Message", "Enter in the subject to move to the message box")
    type_text("Do you ship to Norway?")
    key("Return")
    s.wait_ticket("the second keyboard-made ticket", title="Second question",
                  message="Do you ship to Norway?")


def case_screen_reader(s):
    """What a screen-reader user meets: human texts, named controls, and the agent's
    reply as an object they can find."""
    problems = ["customer window: unnamed " + c for c in unnamed_controls(s.customer)]
    # The sign-in prompt speaks to customers, not to developers.
    prompt = s.wait_object(s.customer, "the sign-in prompt", role="label",
                           name="Sign in to see all your conversations.")
    check(prompt.description and "identify" not in prompt.description.lower()
          and "POST" not in prompt.description,
          "the sign-in prompt's description is %r" % prompt.description)

    # Start a conversation through the accessibility API, as Orca would.
    button = s.wait_object(s.customer, "the new-conversation button", role="push button",
                           name="Start a new conversation")
    s.focus_customer_window()
    action = button.queryAction()
    check(action.nActions > 0, "the new-conversation button has no action")
    action.doAction(0)
    s.wait_focus("text", "Subject", "the subject field to take the focus")
    key("Tab")
    s.wait_focus("text", "Message", "Tab to reach the message box")
    type_text("Can someone call me back?")
    key("Return")
    ticket = s.wait_ticket("the screen-reader user's ticket", message="Can someone call me back?")

    reply = "Of course, we will call within the hour."
    s.agent_api("POST", "/tickets/%s/messages" % ticket["id"],
                {"content": reply, "senderName": "Ana"})
    s.wait_object(s.customer, "the agent's reply as a named message", role="list item",
                  contains=reply)
    messages = s.wait_object(s.customer, "the message list", role="list", name="Messages")
    check(s.find(messages, lambda o: reply in o.name) is not None,
          "the reply is not inside the message list")

    # With content on screen: nothing interactive without a name, in either window.
    s.wait_object(s.agent, "the ticket in the agent console", role="list item",
                  contains="Can someone call me back?")
    problems += ["customer window: unnamed " + c for c in unnamed_controls(s.customer)]
    problems += ["agent console: unnamed " + c for c in unnamed_controls(s.agent)]
    check(not problems, "; ".join(sorted(set(problems))))


CASES = {
    "first-run": case_first_run,
    "empty-send": case_empty_send,
    "keyboard": case_keyboard,
    "screen-reader": case_screen_reader,
}


def inner(args):
    open(os.path.join(args.scratch, "started"), "w").close()
    session = None
    try:
        session = Session(args)
        session.start()
        CASES[args.case](session)
        print("PASS: %s %s" % (args.mode, args.case))
        return 0
    except Failure as e:
        print("FAIL: %s %s: %s" % (args.mode, args.case, e))
        return 1
    finally:
        if session:
            session.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", required=True)
    parser.add_argument("--mode", choices=("widgets", "qml"), required=True)
    parser.add_argument("--case", choices=sorted(CASES), required=True)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inner(args) if args.inner else outer(args)


if __name__ == "__main__":
    sys.exit(main())
