// SPDX-License-Identifier: MIT
// ChatView and its parts against a real devserver: the conversation shows,
// Enter sends and Shift+Enter breaks the line, typing, per-ticket drafts,
// Retry on a failed message, the sign-in prompt, history without a jump, the
// "New messages" pill, keyboard navigation and right-to-left mirroring.
import QtQuick
import QtQuick.Controls
import QtTest
import CStar.Chat

TestCase {
    id: testCase

    name: "ChatView"
    width: 900
    height: 600
    visible: true // TestCase hides itself by default; these tests look at the view
    when: windowShown

    property int serial: 0

    Component {
        id: clientComponent

        ChatClient {
            teamSlug: devServer.team
            baseUrl: devServer.baseUrl
        }
    }

    Component {
        id: viewComponent

        ChatView {
            width: testCase.width
            height: testCase.height
            chatState: ChatState {
                keychainEnabled: false
                // Its own token file: no test restores another one's session.
                storageDirectory: devServer.newStorageDirectory()
            }
        }
    }

    Component {
        id: plainViewComponent

        ChatView {
            width: testCase.width
            height: testCase.height
        }
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }

    function settle(promise) {
        const outcome = {
            "done": false
        };
        promise.then(function (value) {
            outcome.done = true;
            outcome.ok = true;
            outcome.value = value;
        }, function (error) {
            outcome.done = true;
            outcome.ok = false;
            outcome.value = error;
        });
        tryVerify(() => outcome.done, 10000, "the promise settled");
        verify(outcome.ok, outcome.ok ? "" : outcome.value.message);
        return outcome.value;
    }

    // A client signed in as a customer of its own.
    function identifiedClient() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const externalId = "cus_view_" + (++serial) + "_" + Date.now();
        const json = devServer.customerJson(externalId, "Jane Doe", externalId + "@example.com");
        settle(chat.identify(json, devServer.sign(json)));
        return chat;
    }

    function createView(chat, extra) {
        const properties = Object.assign({
                                             "client": chat
                                         }, extra || {});
        const view = createTemporaryObject(viewComponent, testCase, properties);
        verify(view !== null);
        view.chatState.client = chat;
        return view;
    }

    function delegateAt(view, row) {
        view.messageList.view.positionViewAtIndex(row, ListView.Contain);
        return view.messageList.view.itemAtIndex(row);
    }

    function waitForThread(view, ticketId, count) {
        tryCompare(view, "currentTicketId", ticketId, 10000);
        tryCompare(view.messagesModel, "count", count, 10000);
        tryCompare(view.messagesModel, "loading", false);
        tryCompare(view.client, "connectionState", Connection.Streaming, 10000);
    }

    function initTestCase() {
        verify(devServer.running, devServer.errorString);
    }

    function test_showsConversation() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Printer jammed", message: "It's stuck on page 2." }));
        compare(devServer.agentPostMessage(ticket.id, "Did you try **turning it off** first?").status,
                201);
        const view = createView(chat);
        waitForThread(view, ticket.id, 2);

        compare(view.ticketList.view.count, 1);
        compare(findChild(view, "threadTitle").text, "Printer jammed — Open");
        const banner = findChild(view, "connectionBanner");
        verify(banner !== null);
        tryCompare(banner, "visible", false); // streaming: nothing to report

        const own = delegateAt(view, 0);
        verify(own.isOwn);
        compare(own.deliveryText, "Sent");
        verify(own.showDay);
        const agent = delegateAt(view, 1);
        compare(agent.senderName, "Maya");
        verify(!agent.isOwn);
        // Markdown from agents is rendered (bold), never raw.
        const body = findChild(agent, "messageBody");
        verify(body.text.indexOf("turning it off") >= 0);
        verify(body.text.indexOf("**") < 0);
        verify(body.text.indexOf("font-weight") >= 0 || body.text.indexOf("<b>") >= 0);
    }

    function test_ownChatStateWhenNoneIsGiven() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Plain view", message: "Hello" }));
        const view = createTemporaryObject(plainViewComponent, testCase, {
                                               "client": chat
                                           });
        verify(view !== null);
        compare(view.chatState, null);
        waitForThread(view, ticket.id, 1);
    }

    function test_agentMessageArrived() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Notify me", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        const spy = createTemporaryObject(signalSpy, testCase, {
                                              "target": view,
                                              "signalName": "agentMessageArrived"
                                          });
        compare(devServer.agentPostMessage(ticket.id, "Ping from Maya").status, 201);
        spy.wait(10000);
        compare(spy.signalArguments[0][0], ticket.id);
        compare(spy.signalArguments[0][1], "Maya");
        compare(spy.signalArguments[0][2], "Ping from Maya");
    }

    function test_connectionBanner() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Offline", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        const banner = findChild(view, "connectionBanner");
        verify(!banner.visible);
        // The stream goes away: the client polls, and the banner says so.
        compare(devServer.control({
                                      "streamDisabled": true,
                                      "dropStreams": true
                                  }), 200);
        tryCompare(chat, "connectionState", Connection.Polling, 15000);
        compare(banner.statusText, "Live updates unavailable — checking every 5 s");
        verify(banner.visible);
        // Polling by choice is not a problem to report.
        chat.realtime = false;
        compare(banner.statusText, "");
        verify(!banner.visible);
    }

    function init() {
        failOnWarning(/^(file|qrc):/); // a QML warning (binding loop, type error…) fails the test
    }

    function cleanup() {
        devServer.control({
                              "streamDisabled": false
                          });
    }

    function test_agentHtmlIsShownNotInterpreted() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Safety" }));
        compare(devServer.agentPostMessage(ticket.id,
                                           "<img src=\"https://tracker.example/p.png\"> <b>bold?</b> ![x](https://tracker.example/i.png)").status, 201);
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        const body = findChild(delegateAt(view, 0), "messageBody");
        verify(body.text.indexOf("<img") < 0, "no image element");
        verify(body.text.indexOf("&lt;img") >= 0, "the tag is shown as text");
        verify(body.text.indexOf("&lt;b&gt;") >= 0);
        verify(body.text.indexOf("[image: https://tracker.example/i.png]") >= 0);
    }

    function test_enterSendsShiftEnterBreaksLine() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Keyboard", message: "First" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);

        view.composer.forceEditorFocus();
        verify(view.composer.editor.activeFocus);
        keyClick(Qt.Key_H);
        keyClick(Qt.Key_I);
        keyClick(Qt.Key_Return, Qt.ShiftModifier);
        keyClick(Qt.Key_Y);
        keyClick(Qt.Key_O);
        compare(view.composer.text, "hi\nyo");
        keyClick(Qt.Key_Return);
        compare(view.composer.text, "");
        tryCompare(view.messagesModel, "count", 2);
        compare(view.messagesModel.data(view.messagesModel.index(1, 0), MessagesModel.ContentRole),
                "hi\nyo");
        tryVerify(() => view.messagesModel.data(view.messagesModel.index(1, 0),
                                                MessagesModel.DeliveryStateRole) === Delivery.Sent,
                  10000);

        // Empty or whitespace-only text is not sent; the limit is 10,000 characters.
        keyClick(Qt.Key_Space);
        keyClick(Qt.Key_Return);
        compare(view.messagesModel.count, 2);
        view.composer.text = "x".repeat(10001);
        verify(!view.composer.canSend);
        verify(findChild(view.composer, "lengthCounter").visible);
        view.composer.text = "x".repeat(10000);
        verify(view.composer.canSend);
        view.composer.text = "";
    }

    function test_typingIndicator() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Typing", message: "Anyone?" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        const indicator = findChild(view, "typingIndicator");
        compare(indicator.typingText, "");
        compare(devServer.agentTyping(ticket.id, true, "Maya"), 204);
        tryCompare(indicator, "typingText", "Maya is typing…", 10000);
        compare(devServer.agentTyping(ticket.id, false, "Maya"), 204);
        tryCompare(indicator, "typingText", "", 10000);
    }

    function test_draftsPerTicket() {
        const chat = identifiedClient();
        const first = settle(chat.tickets.create({ title: "First", message: "One" }));
        const second = settle(chat.tickets.create({ title: "Second", message: "Two" }));
        const view = createView(chat);
        tryCompare(view, "currentTicketId", second.id, 10000); // newest first
        view.composer.text = "draft for the second";
        view.openTicket(first.id);
        compare(view.composer.text, "");
        view.composer.text = "draft for the first";
        view.openTicket(second.id);
        compare(view.composer.text, "draft for the second");
        view.startNewConversation();
        compare(view.composer.text, "");
        view.openTicket(first.id);
        compare(view.composer.text, "draft for the first");
    }

    function test_newConversation() {
        const chat = identifiedClient();
        const view = createView(chat);
        tryCompare(view.ticketsModel, "loading", false, 10000);
        compare(view.currentTicketId, "");
        view.startNewConversation();
        verify(view.creatingTicket);
        const subject = findChild(view, "subjectField");
        verify(subject.visible);
        verify(subject.activeFocus);
        subject.text = "Refund";
        view.composer.text = "I was charged twice.";
        view.composer.send();
        tryVerify(() => view.currentTicketId.length > 0, 10000);
        verify(!view.creatingTicket);
        tryCompare(view.messagesModel, "count", 1, 10000);
        compare(view.ticketsModel.data(view.ticketsModel.index(0, 0), TicketsModel.TitleRole),
                "Refund");
    }

    function test_loadErrorIsForPeople() {
        const chat = identifiedClient();
        const view = createView(chat);
        view.openTicket("tkt_does_not_exist");
        const label = findChild(view, "threadError");
        tryVerify(() => label.visible, 10000);
        compare(view.messagesModel.error.kind, ChatError.NotFound);
        compare(label.text, "Could not load this conversation: This could not be found. It may have been removed.");
        verify(label.text.indexOf(view.messagesModel.error.message) < 0, "the server's words stay out");
        // ...and are on hover, for developers.
        compare(label.ToolTip.text, view.messagesModel.error.code + ": " + view.messagesModel.error.message);
    }

    function test_failedMessageRetryAndDiscard() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Flaky", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);

        // A non-transient failure: the message waits for the user.
        compare(devServer.control({
                                      "failNext": {
                                          "method": "POST",
                                          "pathContains": "/messages",
                                          "status": 422,
                                          "count": 1
                                      }
                                  }), 200);
        view.composer.text = "Will fail once";
        view.composer.send();
        tryCompare(view.messagesModel, "count", 2);
        tryVerify(() => view.messagesModel.data(view.messagesModel.index(1, 0),
                                                MessagesModel.DeliveryStateRole)
                  === Delivery.Failed, 10000);
        let failed = delegateAt(view, 1);
        compare(failed.deliveryText, "Not sent");
        const retry = findChild(failed, "retryButton");
        tryVerify(() => retry.visible && retry.x > 0, 5000, "laid out after the time label");
        mouseClick(retry);
        tryVerify(() => view.messagesModel.data(view.messagesModel.index(1, 0),
                                                MessagesModel.DeliveryStateRole) === Delivery.Sent,
                  10000);
        compare(view.messagesModel.count, 2);

        compare(devServer.control({
                                      "failNext": {
                                          "method": "POST",
                                          "pathContains": "/messages",
                                          "status": 422,
                                          "count": 1
                                      }
                                  }), 200);
        view.composer.text = "Will be discarded";
        view.composer.send();
        tryVerify(() => view.messagesModel.count === 3
                  && view.messagesModel.data(view.messagesModel.index(2, 0),
                                             MessagesModel.DeliveryStateRole) === Delivery.Failed,
                  10000);
        failed = delegateAt(view, 2);
        // Keyboard this time: focus the button, Space activates it.
        const discard = findChild(failed, "discardButton");
        tryVerify(() => discard.visible);
        discard.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(view.messagesModel, "count", 2);
    }

    function test_clientMadeInCpp() {
        // An app's ChatClient, made in C++: the view uses its JS members too
        // (the header of an anonymous ticket comes from client.tickets.get()).
        const chat = devServer.createCppClient();
        const ticket = settle(chat.tickets.create({ title: "From C++", message: "Hi" }));
        const view = createView(chat);
        view.openTicket(ticket.id);
        tryCompare(findChild(view, "threadTitle"), "text", "From C++ — New", 10000);
        tryCompare(view.messagesModel, "count", 1, 10000);
    }

    function test_anonymousSignInPrompt() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const view = createView(chat);
        tryVerify(() => view.ticketList.needsSignIn, 10000);
        verify(findChild(view, "signInPrompt").visible);
        const label = findChild(view, "signInText");
        compare(label.text, "Sign in to see all your conversations.");
        // The server's hint is for developers: in the tooltip, not the text.
        verify(label.ToolTip.text.length > 0, "the server's hint");
        const spy = createTemporaryObject(signalSpy, testCase, {
                                              "target": view,
                                              "signalName": "signInRequested"
                                          });
        // Keyboard: focus the button, Space activates it.
        const button = findChild(view, "signInButton");
        button.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(spy.count, 1);

        // A ticket of the anonymous session opens, with its title from the server.
        const ticket = settle(chat.tickets.create({ title: "Anonymous question", message: "Hi" }));
        view.openTicket(ticket.id);
        tryCompare(findChild(view, "threadTitle"), "text", "Anonymous question — New", 10000);
        tryCompare(view.messagesModel, "count", 1, 10000);

        // Identifying hides it and lists the customer's tickets.
        const json = devServer.customerJson("cus_view_signin_" + Date.now(), "Sam", "sam@example.com");
        settle(chat.identify(json, devServer.sign(json)));
        tryVerify(() => !view.ticketList.needsSignIn, 10000);
    }

    function test_historyLoadsWithoutJumpAndPill() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Long thread", message: "Message 1" }));
        // Three lines each: a page of ten is taller than the view.
        for (let i = 2; i <= 30; ++i)
            compare(devServer.agentPostMessage(ticket.id, "Message " + i + "\n\nMore text").status,
                    201);
        const view = createView(chat);
        view.messagesModel.pageSize = 10;
        waitForThread(view, ticket.id, 10);
        const list = view.messageList.view;
        tryVerify(() => list.atYEnd, 5000, "starts at the newest message");

        // Scroll to the top: older messages load above, the view stays put.
        list.positionViewAtBeginning();
        list.forceLayout();
        const top = list.itemAtIndex(0);
        verify(top.content.startsWith("Message 21\n"));
        const before = top.mapToItem(list, 0, 0).y;
        tryCompare(view.messagesModel, "count", 20, 10000);
        tryCompare(view.messagesModel, "loading", false);
        const same = list.itemAtIndex(10);
        verify(same.content.startsWith("Message 21\n"));
        tryVerify(() => Math.abs(same.mapToItem(list, 0, 0).y - before) < 2, 5000,
                  "the message stayed where it was");

        // The reader keeps scrolling up with the wheel: the rest of the history
        // loads, and the top of the thread is reached.
        const scrollUp = () => mouseWheel(list, list.width / 2, list.height / 2, 0, 1200);
        const atTop = () => list.contentY - list.originY < 2;
        tryVerify(() => view.messagesModel.count === 30 || scrollUp(), 10000);
        tryCompare(view.messagesModel, "hasMore", false);
        tryVerify(() => atTop() || scrollUp(), 10000);
        verify(!list.atYEnd);

        // Scrolled up, an incoming message shows the pill instead of moving.
        const pill = findChild(view, "newMessagesPill");
        verify(!pill.visible);
        compare(devServer.agentPostMessage(ticket.id, "Message 31").status, 201);
        tryCompare(view.messagesModel, "count", 31, 10000);
        tryCompare(pill, "visible", true);
        verify(!list.atYEnd);
        mouseClick(pill);
        tryVerify(() => list.atYEnd, 5000);
        verify(!pill.visible);
    }

    function test_keyboardOpensTickets() {
        const chat = identifiedClient();
        const first = settle(chat.tickets.create({ title: "First", message: "One" }));
        const second = settle(chat.tickets.create({ title: "Second", message: "Two" }));
        const view = createView(chat);
        tryCompare(view, "currentTicketId", second.id, 10000);
        const list = view.ticketList.view;
        // Side by side, moving through the list opens tickets and keeps the focus.
        list.forceActiveFocus();
        keyClick(Qt.Key_Down);
        tryCompare(view, "currentTicketId", first.id);
        verify(list.activeFocus);
        keyClick(Qt.Key_Up);
        tryCompare(view, "currentTicketId", second.id);
        // Enter opens and moves on to the composer.
        keyClick(Qt.Key_Down);
        keyClick(Qt.Key_Return);
        tryCompare(view, "currentTicketId", first.id);
        verify(view.composer.editor.activeFocus);
    }

    function test_rightToLeftMirrorsOwnBubbles() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Mirror", message: "Mine" }));
        compare(devServer.agentPostMessage(ticket.id, "Theirs").status, 201);
        const view = createView(chat);
        waitForThread(view, ticket.id, 2);
        const list = view.messageList.view;
        const ownBubble = findChild(delegateAt(view, 0), "bubble");
        const theirBubble = findChild(delegateAt(view, 1), "bubble");
        verify(ownBubble.mapToItem(list, 0, 0).x > list.width / 2, "own: trailing (right)");
        verify(theirBubble.mapToItem(list, 0, 0).x < list.width / 2);

        view.LayoutMirroring.enabled = true;
        const mirroredOwn = () => findChild(delegateAt(view, 0), "bubble");
        const mirroredTheirs = () => findChild(delegateAt(view, 1), "bubble");
        tryVerify(() => mirroredOwn().mapToItem(list, 0, 0).x < list.width / 2, 5000,
                  "own: trailing (left) when mirrored");
        const theirs = mirroredTheirs();
        verify(theirs.mapToItem(list, theirs.width, 0).x > list.width / 2,
               "theirs: leading (right) when mirrored");
    }

    // ---- One test per ConversationController feature; tst_chatpanel has
    // the same ones for the widget panel (the two UIs behave the same).

    function test_sharedNewConversationSubjectFallback() {
        const chat = identifiedClient();
        const view = createView(chat);
        tryCompare(view.ticketsModel, "loading", false, 10000);
        compare(view.currentTicketId, "");
        // Nothing open: what is typed first starts a conversation, its
        // subject the first line.
        view.composer.text = "Where is my parcel?\nOrder 1234";
        view.composer.send();
        verify(view.creatingTicket);
        tryVerify(() => view.currentTicketId.length > 0, 10000);
        tryCompare(findChild(view, "threadTitle"), "text", "Where is my parcel? — New", 10000);
        tryCompare(view.messagesModel, "count", 1, 10000);
        compare(view.composer.text, "");
    }

    function test_sharedRefusedTextComesBack() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Refused", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        // No place to store it durably (a directory below a file): the model
        // refuses the message, and the text goes back into the box.
        const here = decodeURIComponent(String(Qt.resolvedUrl("tst_chatview.qml")).replace(/^file:\/\//, ""));
        chat.storageDirectory = here + "/nowhere";
        view.composer.text = "Do not lose me";
        view.composer.send();
        compare(view.composer.text, "Do not lose me");
        compare(view.messagesModel.count, 1);
    }

    function test_sharedFailedStartKeepsTheText() {
        const chat = identifiedClient();
        const view = createView(chat);
        tryCompare(view.ticketsModel, "loading", false, 10000);
        compare(devServer.control({
                                      "failNext": {
                                          "method": "POST",
                                          "pathContains": "/tickets",
                                          "status": 422,
                                          "count": 1
                                      }
                                  }), 200);
        view.startNewConversation();
        view.composer.text = "Second question";
        view.composer.send();
        tryCompare(view.composer, "text", "Second question", 10000);
        verify(view.composer.enabled);
        verify(findChild(view, "threadError").text.indexOf("Could not start the conversation") === 0);
        verify(view.creatingTicket);
    }

    function test_sharedTitleOfATicketNotInTheList() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Printer jammed", message: "Hi" }));
        const view = createView(chat, { "compact": true }); // nothing opens by itself
        view.ticketsModel.status = "closed"; // the list does not hold it
        tryCompare(view.ticketsModel, "loading", false, 10000);
        compare(view.ticketsModel.rowOf(ticket.id), -1);
        view.openTicket(ticket.id);
        tryCompare(findChild(view, "threadTitle"), "text", "Printer jammed — New", 10000);
    }

    function test_sharedAutoOpensTheNewest() {
        const chat = identifiedClient();
        settle(chat.tickets.create({ title: "Older", message: "One" }));
        const newest = settle(chat.tickets.create({ title: "Newest", message: "Two" }));
        // One page at a time: the list shows first.
        const view = createView(chat, { "compact": true });
        tryCompare(view.ticketsModel, "count", 2, 10000);
        compare(view.currentTicketId, "");
        verify(view.ticketList.visible);
        // Side by side: the newest opens by itself.
        view.compact = false;
        tryCompare(view, "currentTicketId", newest.id, 10000);
    }
}
