// SPDX-License-Identifier: MIT
// ChatView and its parts against a real devserver: the conversation shows,
// Enter sends and Shift+Enter breaks the line, typing, per-ticket drafts,
// Retry on a failed message, the sign-in prompt, history without a jump, the
// "New messages" pill, keyboard navigation and right-to-left mirroring;
// attachments (protocol §11): paste, drop, screenshot with crop, Save…,
// cancel of an upload.
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
        // Rows not yet laid out are "at the end" too (no content height): wait
        // until the list has placed itself at the newest message, a turn after
        // the page arrived; only then does scrolling up page history.
        tryVerify(() => view.messageList.positioned && list.contentHeight > list.height
                  && list.atYEnd, 5000, "starts at the newest message");

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

    // ---- attachments (protocol §11) -------------------------------------------------

    // The attachments role of a row (MessagesModel.AttachmentsRole).
    function attachmentsAt(view, row) {
        return view.messagesModel.data(view.messagesModel.index(row, 0),
                                       MessagesModel.AttachmentsRole) || [];
    }

    // Row `row` is on the server (Sent, with an id) with `count` attachments that have ids.
    function waitForSentAttachments(view, row, count) {
        tryVerify(() => view.messagesModel.count > row
                  && view.messagesModel.data(view.messagesModel.index(row, 0),
                                             MessagesModel.DeliveryStateRole) === Delivery.Sent
                  && attachmentsAt(view, row).length === count
                  && attachmentsAt(view, row).every(a => a.id.length > 0), 15000,
                  "row " + row + " sent with " + count + " attachment(s)");
        return attachmentsAt(view, row);
    }

    // The server's own copy: the thread read again, in a new client of the same customer.
    function serverMessages(chat, ticketId) {
        const page = settle(chat.messages.list(ticketId));
        return page.data !== undefined ? page.data : page;
    }

    Component {
        id: attachmentImageComponent

        Image {
            property alias file: attachmentSource.attachment

            source: attachmentSource.source
            sourceSize.width: 100
            sourceSize.height: 100

            AttachmentSource {
                id: attachmentSource
            }
        }
    }

    Component {
        id: delegateComponent

        MessageDelegate {}
    }

    // A message's files in its bubble, whatever the model: a local echo's
    // image decoded from its own copy, a file chip with Save…, the upload's
    // progress and Cancel upload; each action named and signalled.
    function test_delegateShowsAttachments() {
        const local = testTools.writeImage(120, 80).toString().replace("file://", "");
        const files = [{
                           "id": "", "name": "shot.png", "contentType": "image/png", "size": 2048,
                           "sha256": "", "isImage": true, "width": 0, "height": 0, "filePath": local
                       }, {
                           "id": "att_log", "name": "log.txt", "contentType": "text/plain", "size": 12,
                           "sha256": "", "isImage": false, "width": 0, "height": 0, "filePath": ""
                       }];
        const item = createTemporaryObject(delegateComponent, testCase, {
                                               "index": 4, "content": "", "sender": "customer",
                                               "senderName": "You", "createdAt": new Date(),
                                               "isOwn": true, "deliveryState": Delivery.Sending,
                                               "showSender": false, "daySection": "2026-01-02",
                                               "isFirstUnread": false,
                                               "model": { "attachments": files, "uploadProgress": 0.4 }
                                           });
        verify(item !== null);
        const thumbnail = findChild(item, "attachmentThumbnail");
        tryCompare(thumbnail, "status", Image.Ready, 10000);
        verify(findChild(item, "messageBody").visible === false, "no empty text line");
        compare(item.Accessible.name, ChatFormat.messageAccessibleText("You", "", true, Delivery.Sending)
                + "; " + ChatFormat.attachmentAccessibleText("shot.png", true, 2048)
                + "; " + ChatFormat.attachmentAccessibleText("log.txt", false, 12));

        const progress = findChild(item, "uploadProgress");
        verify(progress.visible);
        compare(progress.text, ChatFormat.uploadProgressText(400, 1000));
        const cancel = findChild(item, "cancelUploadButton");
        verify(cancel.visible);
        const cancelSpy = createTemporaryObject(signalSpy, testCase, {
                                                    "target": item,
                                                    "signalName": "cancelUploadRequested"
                                                });
        cancel.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(cancelSpy.count, 1);
        compare(cancelSpy.signalArguments[0][0], 4);

        const openSpy = createTemporaryObject(signalSpy, testCase, {
                                                  "target": item,
                                                  "signalName": "openImageRequested"
                                              });
        const open = findChild(item, "imageAttachment");
        verify(open.Accessible.name.indexOf("shot.png") >= 0);
        open.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(openSpy.count, 1);
        compare(openSpy.signalArguments[0][0].name, "shot.png");

        const saveSpy = createTemporaryObject(signalSpy, testCase, {
                                                  "target": item,
                                                  "signalName": "saveAttachmentRequested"
                                              });
        const chip = findChild(item, "fileAttachment");
        verify(chip.visible);
        const save = findChild(chip, "saveAttachmentButton");
        verify(save.visible);
        save.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(saveSpy.count, 1);
        compare(saveSpy.signalArguments[0][0].id, "att_log");

        // Sent: no progress, no cancel.
        item.deliveryState = Delivery.Sent;
        verify(!cancel.visible);
        verify(!progress.visible);
    }

    // The image provider decodes off the GUI thread within the limits: a
    // hostile or broken file is an error, never a crash; a good one is scaled.
    function test_imageProviderRefusesBrokenFiles() {
        const good = createTemporaryObject(attachmentImageComponent, testCase);
        good.file = {
            "filePath": testTools.writeImage(400, 200).toString().replace("file://", "")
        };
        verify(good.source.toString().startsWith("image://cstarattachment/"));
        tryCompare(good, "status", Image.Ready, 10000);
        compare(good.implicitWidth, 100); // scaled while decoding, aspect kept
        compare(good.implicitHeight, 50);

        ignoreWarning(/QML .*Image.*: /); // the Image reports its error
        const broken = createTemporaryObject(attachmentImageComponent, testCase);
        broken.file = {
            "filePath": testTools.writeFile("broken.png", "\u0089PNG\r\n not an image at all")
        };
        tryCompare(broken, "status", Image.Error, 10000);
    }

    function test_pasteImageSendsOneImage() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Paste", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);

        // Text pastes as text.
        testTools.setClipboardText("plain words");
        view.composer.forceEditorFocus();
        keySequence(StandardKey.Paste);
        compare(view.composer.text, "plain words");
        compare(view.conversation.attachments.length, 0);
        view.composer.clear();

        // An image attaches as a PNG chip; the editor keeps no text.
        testTools.setClipboardImage(40, 30);
        keySequence(StandardKey.Paste);
        tryVerify(() => view.conversation.attachments.length === 1);
        compare(view.composer.text, "");
        const pending = view.conversation.attachments[0];
        verify(pending.isImage);
        compare(pending.contentType, "image/png");
        const chip = findChild(view.composer, "pendingAttachment");
        verify(chip !== null);
        compare(chip.accessibleText, ChatFormat.attachmentAccessibleText(pending.name, true, pending.size));
        verify(view.composer.canSend, "files go without text");

        keyClick(Qt.Key_Return);
        compare(view.conversation.attachments.length, 0);
        const sent = waitForSentAttachments(view, 1, 1);
        compare(view.messagesModel.count, 2);
        verify(sent[0].isImage);
        compare(sent[0].width, 40);
        compare(sent[0].height, 30);
        // Its thumbnail comes from the AttachmentCache through the image provider.
        const thumbnail = findChild(delegateAt(view, 1), "attachmentThumbnail");
        verify(thumbnail !== null);
        tryCompare(thumbnail, "status", Image.Ready, 10000);
        verify(thumbnail.source.toString().startsWith("image://cstarattachment/"));

        const messages = serverMessages(chat, ticket.id);
        compare(messages.length, 2);
        compare(messages[1].attachments.length, 1);
        compare(messages[1].attachments[0].sha256, sent[0].sha256);
    }

    function test_dropFileAttachesAChip() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Drop", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);

        // A type §11 refuses is not attached, and the composer says why.
        const refused = testTools.writeFile("setup.exe", "MZ not really a program");
        testTools.dropFiles(view.messageList, [refused]);
        compare(view.conversation.attachments.length, 0);
        const error = findChild(view.composer, "attachmentError");
        tryVerify(() => error.visible && error.text.length > 0);
        compare(error.text, view.conversation.attachmentError);

        const path = testTools.writeFile("notes.txt", "line one\nline two\n");
        verify(testTools.dropFiles(view.messageList, [path]), "the drop was accepted");
        tryVerify(() => view.conversation.attachments.length === 1);
        compare(view.conversation.attachments[0].name, "notes.txt");
        const chip = findChild(view.composer, "pendingAttachment");
        verify(chip !== null);
        verify(!chip.isImage);
        // The chip's remove button is named for screen readers and removes it.
        const remove = findChild(chip, "removeAttachmentButton");
        compare(remove.Accessible.name, ChatFormat.removeAttachmentName("notes.txt"));
        waitForRendering(view); // the composer laid out with its chips
        mouseClick(remove);
        compare(view.conversation.attachments.length, 0);

        verify(testTools.dropFiles(view.messageList, [path]));
        tryVerify(() => view.conversation.attachments.length === 1);
        view.composer.text = "My log";
        waitForRendering(view);
        mouseClick(findChild(view.composer, "sendButton"));
        const sent = waitForSentAttachments(view, 1, 1);
        compare(sent[0].name, "notes.txt");
        compare(sent[0].sha256, testTools.sha256(path));
        compare(view.messagesModel.data(view.messagesModel.index(1, 0), MessagesModel.ContentRole),
                "My log");
        const fileChip = findChild(delegateAt(view, 1), "fileAttachment");
        verify(fileChip !== null && fileChip.visible);
        compare(fileChip.fileName, "notes.txt");
    }

    // An agent's PDF: a chip with Save… (a safe name proposed; identical
    // bytes written); an agent's image: a thumbnail that opens full size.
    function test_agentFilesShowAndSave() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Manual", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        const pdf = testTools.writeFile("manual.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
        compare(devServer.agentSendFile(ticket.id, pdf, "../Manual: v2.pdf", "application/pdf").status, 201);
        const png = testTools.writeImage(300, 200);
        compare(devServer.agentSendFile(ticket.id, png, "screen.png", "image/png").status, 201);
        tryCompare(view.messagesModel, "count", 3, 10000);

        const fileRow = delegateAt(view, 1);
        const chip = findChild(fileRow, "fileAttachment");
        verify(chip !== null && chip.visible);
        const save = findChild(chip, "saveAttachmentButton");
        verify(save.visible);
        compare(save.Accessible.name, ChatFormat.saveAttachmentName(chip.fileName));
        const target = testTools.newFileUrl("saved.pdf");
        let suggested = "";
        view.saveLocationProvider = function (attachment, name) {
            suggested = name;
            return target;
        };
        save.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(suggested, view.conversation.safeFileName(chip.fileName));
        verify(suggested.indexOf("/") < 0 && !suggested.startsWith("."), suggested);
        tryVerify(() => testTools.exists(target), 10000, "saved");
        compare(testTools.sha256(target), testTools.sha256(pdf));

        const imageRow = delegateAt(view, 2);
        const thumbnail = findChild(imageRow, "attachmentThumbnail");
        verify(thumbnail !== null);
        tryCompare(thumbnail, "status", Image.Ready, 10000);
        verify(thumbnail.source.toString().startsWith("image://cstarattachment/"));
        const open = findChild(imageRow, "imageAttachment");
        open.forceActiveFocus();
        keyClick(Qt.Key_Space);
        const viewer = view.attachmentActions.imageViewer;
        tryCompare(viewer, "opened", true);
        const full = findChild(viewer.contentItem, "fullImage");
        tryCompare(full, "status", Image.Ready, 10000);
        compare(full.implicitWidth, 300); // the whole file, not the thumbnail: it fits unscaled
        keyClick(Qt.Key_Escape);
        tryCompare(viewer, "opened", false);
    }

    function test_screenshotReviewCrops() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Screenshot", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        view.screenshotProvider = () => testTools.writeImage(400, 300);

        // The attach button's menu offers the screenshot.
        const button = findChild(view.composer, "attachButton");
        compare(button.Accessible.name, ChatFormat.texts.attachMenuName);
        const menu = findChild(view.composer, "attachMenu");
        mouseClick(button);
        tryCompare(menu, "opened", true);
        menu.close();
        tryCompare(menu, "visible", false); // (after its exit transition)
        // Ctrl+Shift+A opens it too (from the editor).
        view.composer.forceEditorFocus();
        keySequence("Ctrl+Shift+A");
        tryCompare(menu, "opened", true);
        menu.close();
        tryCompare(menu, "visible", false);

        verify(view.attachmentActions.attachScreenshot());
        const review = view.attachmentActions.screenshotReview;
        tryCompare(review, "opened", true);
        compare(review.imageSize.width, 400);
        compare(review.imageSize.height, 300);
        const image = findChild(review.contentItem, "screenshotImage");
        tryCompare(image, "status", Image.Ready);
        // Cancel drops it: nothing is attached.
        keyClick(Qt.Key_Escape);
        tryCompare(review, "opened", false);
        compare(view.conversation.attachments.length, 0);

        verify(view.attachmentActions.attachScreenshot());
        tryCompare(review, "opened", true);
        tryCompare(image, "status", Image.Ready);
        tryVerify(() => image.paintedWidth > 0);
        // Drag a rectangle over the picture: a quarter of each side in.
        const area = findChild(review.contentItem, "cropArea");
        const ox = (image.width - image.paintedWidth) / 2;
        const oy = (image.height - image.paintedHeight) / 2;
        const x1 = ox + image.paintedWidth / 4, y1 = oy + image.paintedHeight / 4;
        const x2 = ox + image.paintedWidth * 3 / 4, y2 = oy + image.paintedHeight * 3 / 4;
        mousePress(area, x1, y1);
        mouseMove(area, (x1 + x2) / 2, (y1 + y2) / 2);
        mouseMove(area, x2, y2);
        mouseRelease(area, x2, y2);
        verify(review.cropped);
        const crop = review.crop;
        verify(Math.abs(crop.width - 200) <= 2 && Math.abs(crop.height - 150) <= 2,
               "crop " + crop.width + "×" + crop.height);
        // Attach, from the keyboard.
        const attach = findChild(review.contentItem, "screenshotAttachButton");
        attach.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(review, "opened", false);
        tryVerify(() => view.conversation.attachments.length === 1);
        verify(view.conversation.attachments[0].isImage);

        view.composer.text = "The dialog";
        view.composer.send();
        const sent = waitForSentAttachments(view, 1, 1);
        compare(sent[0].width, crop.width);
        compare(sent[0].height, crop.height);
    }

    // Without a provider: the window's own pixels, reviewed, then cancelled.
    function test_screenshotOfTheWindow() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Window", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        verify(view.attachmentActions.attachScreenshot());
        const review = view.attachmentActions.screenshotReview;
        tryCompare(review, "opened", true);
        const window = view.Window.window;
        compare(review.imageSize.width, Math.round(window.width * Screen.devicePixelRatio));
        compare(review.imageSize.height, Math.round(window.height * Screen.devicePixelRatio));
        const cancel = findChild(review.contentItem, "screenshotCancelButton");
        compare(cancel.Accessible.name, ChatFormat.texts.cancelButton);
        cancel.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(review, "opened", false);
        compare(view.conversation.attachments.length, 0);
    }

    function test_screenshotCanBeTurnedOff() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "No screenshot", message: "Hello" }));
        const view = createView(chat, {
                                    "screenshotEnabled": false
                                });
        waitForThread(view, ticket.id, 1);
        const button = findChild(view.composer, "attachButton");
        verify(button.visible);
        // No menu: the button is the file dialog's, named so.
        compare(button.Accessible.name, ChatFormat.texts.attachButtonName);
        verify(!view.composer.screenshotEnabled);
        verify(!view.attachmentActions.attachScreenshot());
        verify(!view.attachmentActions.screenshotReview.opened);
    }

    function test_cancelUploadThenRetry() {
        const chat = identifiedClient();
        const ticket = settle(chat.tickets.create({ title: "Cancel", message: "Hello" }));
        const view = createView(chat);
        waitForThread(view, ticket.id, 1);
        // The upload waits (a 503 with a long Retry-After): it is in flight.
        compare(devServer.control({
                                      "failNext": {
                                          "method": "POST",
                                          "pathContains": "/uploads",
                                          "status": 503,
                                          "retryAfter": 60,
                                          "count": 5
                                      }
                                  }), 200);
        const path = testTools.writeFile("trace.log", "stack trace\n");
        verify(view.conversation.attachFile(path));
        view.composer.text = "The trace";
        view.composer.send();
        tryCompare(view.messagesModel, "count", 2);
        const pending = delegateAt(view, 1);
        const cancel = findChild(pending, "cancelUploadButton");
        tryVerify(() => cancel.visible, 10000, "Cancel upload on the pending bubble");
        compare(cancel.Accessible.name, ChatFormat.texts.cancelUpload);
        mouseClick(cancel);
        tryVerify(() => view.messagesModel.data(view.messagesModel.index(1, 0),
                                                MessagesModel.DeliveryStateRole) === Delivery.Failed,
                  10000);
        // Nothing lost: the file is still on the message, Retry delivers it once.
        compare(attachmentsAt(view, 1).length, 1);
        compare(devServer.control({
                                      "failNext": null
                                  }), 200);
        const retry = findChild(delegateAt(view, 1), "retryButton");
        tryVerify(() => retry.visible && retry.x > 0, 5000);
        mouseClick(retry);
        const sent = waitForSentAttachments(view, 1, 1);
        compare(sent[0].sha256, testTools.sha256(path));
        compare(view.messagesModel.count, 2);
        compare(serverMessages(chat, ticket.id).length, 2);
    }
}
