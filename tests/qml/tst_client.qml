// SPDX-License-Identifier: MIT
// The QML ChatClient against a real devserver: jobs with then() and signals,
// page results, the error gadget, subscriptions with off(), typing.
import QtQuick
import QtTest
import CStar.Chat

TestCase {
    id: testCase

    name: "ChatClient"

    Component {
        id: clientComponent

        ChatClient {
            teamSlug: devServer.team
            baseUrl: devServer.baseUrl
        }
    }

    function createClient() {
        const chat = createTemporaryObject(clientComponent, testCase);
        verify(chat !== null);
        return chat;
    }

    // Runs `job` to its end; returns {ok, value}.
    function settle(job) {
        const outcome = {
            "done": false
        };
        job.then(function (value) {
            outcome.done = true;
            outcome.ok = true;
            outcome.value = value;
        }, function (error) {
            outcome.done = true;
            outcome.ok = false;
            outcome.value = error;
        });
        tryVerify(() => outcome.done, 10000, "the job finished");
        return outcome;
    }

    function identifiedClient(externalId) {
        const chat = createClient();
        const json = devServer.customerJson(externalId, "Jane Doe", externalId + "@example.com");
        const identified = settle(chat.identify(json, devServer.sign(json)));
        verify(identified.ok, identified.ok ? "" : identified.value.message);
        compare(identified.value.name, "Jane Doe");
        compare(chat.sessionKind, ChatClient.Identified);
        return chat;
    }

    function initTestCase() {
        verify(devServer.running, devServer.errorString);
    }

    function init() {
        failOnWarning(/^(file|qrc):/); // a QML warning (binding loop, type error…) fails the test
    }

    function test_createTicketWithThen() {
        const chat = createClient();
        const created = settle(chat.createTicket("Help from QML", "First message", "high"));
        verify(created.ok, created.ok ? "" : created.value.message);
        verify(created.value.id.startsWith("tkt_"));
        compare(created.value.title, "Help from QML");
        compare(created.value.priorityName, "high");
        compare(created.value.messageCount, 1);
        compare(created.value.lastMessage.content, "First message");
        compare(created.value.status, Ticket.New);

        const got = settle(chat.getTicket(created.value.id));
        verify(got.ok);
        compare(got.value.title, "Help from QML");
    }

    function test_jobPropertiesAndSignals() {
        const chat = createClient();
        const job = chat.createTicket("Signals");
        compare(job.isFinished, false);
        let result = null;
        let finishedSeen = false;
        job.finished.connect(function () {
            finishedSeen = true;
            // Inside finished() the job is alive: its properties hold the
            // outcome (read them here: the job deletes itself afterwards).
            verify(job.isFinished);
            verify(job.isSuccess);
            compare(job.error.isError, false);
            result = job.result.title;
        });
        const spy = createTemporaryObject(signalSpy, testCase, {
                                              "target": job,
                                              "signalName": "succeeded"
                                          });
        spy.wait(10000);
        verify(finishedSeen);
        compare(result, "Signals");
    }

    function test_anonymousListIsAuthRequired() {
        const chat = createClient();
        const job = chat.listTickets("open", 20);
        let signalled = null;
        job.failed.connect(error => signalled = error);
        const listed = settle(job);
        verify(!listed.ok);
        const error = listed.value;
        compare(error.kind, ChatError.AuthRequired);
        verify(error.isError);
        verify(error.hint.length > 0, "a recovery hint");
        verify(error.message.length > 0);
        verify(error.code.length > 0);
        compare(error.httpStatus, 403);
        verify(error.requestId.length > 0);
        verify(signalled !== null);
        compare(signalled.kind, ChatError.AuthRequired);
        compare(chat.sessionKind, ChatClient.Anonymous);
    }

    function test_unhandledFailureIsReported() {
        const chat = createClient();
        ignoreWarning(/unhandled job failure/);
        const spy = createTemporaryObject(signalSpy, testCase, {
                                              "target": chat.getTicket("tkt_does_not_exist"),
                                              "signalName": "finished"
                                          });
        spy.wait(10000);
    }

    function test_identifiedListReturnsAPage() {
        const chat = identifiedClient("cus_qml_list");
        verify(settle(chat.createTicket("First")).ok);
        verify(settle(chat.createTicket("Second")).ok);
        const listed = settle(chat.listTickets("", 1));
        verify(listed.ok, listed.ok ? "" : listed.value.message);
        compare(listed.value.data.length, 1);
        compare(listed.value.hasMore, true);
        verify(listed.value.nextCursor.length > 0);
        compare(listed.value.data[0].title, "Second");

        const next = settle(chat.listTickets("", 10, listed.value.nextCursor));
        verify(next.ok);
        compare(next.value.data.length, 1);
        compare(next.value.data[0].title, "First");
        compare(next.value.hasMore, false);

        verify(settle(chat.logout()).ok);
        compare(chat.sessionKind, ChatClient.None);
    }

    function test_sendReceiveAndTypingWithOff() {
        const chat = createClient();
        const ticket = settle(chat.createTicket("Realtime")).value;
        const messages = [];
        const typing = [];
        const offMessage = chat.onMessage(ticket.id, function (message) {
            messages.push(message.senderRole + ":" + message.content);
        });
        const offTyping = chat.onTyping(ticket.id, function (event) {
            typing.push(event.senderName + ":" + event.isTyping);
        });
        tryCompare(chat, "connectionState", Connection.Streaming, 10000);

        const sent = settle(chat.sendMessage(ticket.id, "Hello from QML"));
        verify(sent.ok);
        compare(sent.value.content, "Hello from QML");
        compare(sent.value.sender, Message.Customer);

        compare(devServer.agentPostMessage(ticket.id, "Hi! Maya here.").status, 201);
        tryVerify(() => messages.indexOf("agent:Hi! Maya here.") >= 0, 10000);
        verify(messages.indexOf("customer:Hello from QML") >= 0);

        compare(devServer.agentTyping(ticket.id, true), 204);
        tryVerify(() => typing.indexOf("Maya:true") >= 0, 10000);
        verify(settle(chat.sendTyping(ticket.id, true)).ok);

        // off() ends both; with nothing subscribed the stream closes.
        offMessage();
        offTyping();
        tryCompare(chat, "connectionState", Connection.Disconnected, 10000);
        const count = messages.length;
        compare(devServer.agentPostMessage(ticket.id, "Nobody listens").status, 201);
        verify(settle(chat.getTicket(ticket.id)).ok); // a round trip later…
        compare(messages.length, count); // …nothing arrived
    }

    function test_jobsSurviveGarbageCollection() {
        const chat = createClient();
        const outcomes = [];
        for (let i = 0; i < 5; ++i)
            chat.createTicket("GC " + i).then(t => outcomes.push(t.title));
        gc();
        tryCompare(outcomes, "length", 5, 10000);
        gc();
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }
}
