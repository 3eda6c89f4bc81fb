// SPDX-License-Identifier: MIT
// The Core models used declaratively: MessagesModel subscribes when complete
// and tears down when ticketId changes or it is destroyed (the QML form of
// the React hooks' effect cleanup); TicketsModel's AuthRequired error and
// local inserts; TypingNotifier.
import QtQuick
import QtTest
import CStar.Chat

TestCase {
    id: testCase

    name: "Models"

    Component {
        id: clientComponent

        ChatClient {
            teamSlug: devServer.team
            baseUrl: devServer.baseUrl
        }
    }

    Component {
        id: messagesComponent

        MessagesModel {}
    }

    Component {
        id: ticketsComponent

        TicketsModel {}
    }

    Component {
        id: notifierComponent

        TypingNotifier {}
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

    function row(model, r, role) {
        return model.data(model.index(r, 0), role);
    }

    function contents(model) {
        const list = [];
        for (let r = 0; r < model.count; ++r)
            list.push(row(model, r, MessagesModel.ContentRole));
        return list;
    }

    function initTestCase() {
        verify(devServer.running, devServer.errorString);
    }

    function init() {
        failOnWarning(/^(file|qrc):/); // a QML warning (binding loop, type error…) fails the test
    }

    function test_messagesModelSubscribesAndTearsDown() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const first = settle(chat.tickets.create({ title: "First ticket", message: "Question one" }));
        const second = settle(chat.tickets.create({ title: "Second ticket", message: "Question two" }));

        // Declarative: both properties set at creation, nothing called.
        const model = createTemporaryObject(messagesComponent, testCase, {
                                                "client": chat,
                                                "ticketId": first.id
                                            });
        tryCompare(model, "count", 1, 10000);
        compare(row(model, 0, MessagesModel.ContentRole), "Question one");
        compare(row(model, 0, MessagesModel.IsOwnRole), true);
        compare(row(model, 0, MessagesModel.DeliveryStateRole), Delivery.Sent);
        tryCompare(chat, "connectionState", Connection.Streaming, 10000);

        // Receive.
        compare(devServer.agentPostMessage(first.id, "Agent answer").status, 201);
        tryCompare(model, "count", 2, 10000);
        compare(row(model, 1, MessagesModel.ContentRole), "Agent answer");
        compare(row(model, 1, MessagesModel.SenderRole), "agent");
        compare(row(model, 1, MessagesModel.SenderNameRole), "Maya");
        compare(row(model, 1, MessagesModel.IsOwnRole), false);

        // Send: local echo first, then the server's copy in place.
        verify(model.send("Customer reply").length > 0);
        compare(model.count, 3);
        compare(row(model, 2, MessagesModel.IsOwnRole), true);
        tryVerify(() => row(model, 2, MessagesModel.DeliveryStateRole) === Delivery.Sent, 10000);
        verify(row(model, 2, MessagesModel.IdRole).length > 0);
        compare(model.count, 3);

        // Typing.
        compare(devServer.agentTyping(first.id, true, "Maya"), 204);
        tryVerify(() => model.typingUsers.length === 1 && model.typingUsers[0] === "Maya", 10000);
        compare(devServer.agentTyping(first.id, false, "Maya"), 204);
        tryCompare(model.typingUsers, "length", 0, 10000);

        // Teardown on ticket change: the first ticket's events stop coming.
        model.ticketId = second.id;
        compare(model.count, 0);
        tryCompare(model, "count", 1, 10000);
        compare(row(model, 0, MessagesModel.ContentRole), "Question two");
        compare(devServer.agentPostMessage(first.id, "Not for this model").status, 201);
        compare(devServer.agentPostMessage(second.id, "For the second ticket").status, 201);
        tryCompare(model, "count", 2, 10000); // events arrive in order: the first one was dropped
        compare(contents(model), ["Question two", "For the second ticket"]);

        // Teardown on destruction: nothing is subscribed any more.
        model.destroy();
        tryCompare(chat, "connectionState", Connection.Disconnected, 10000);
    }

    function test_historyPagesBack() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const ticket = settle(chat.tickets.create({ title: "Long thread", message: "Message 1" }));
        for (let i = 2; i <= 12; ++i)
            compare(devServer.agentPostMessage(ticket.id, "Message " + i).status, 201);
        const model = createTemporaryObject(messagesComponent, testCase, {
                                                "client": chat,
                                                "ticketId": ticket.id,
                                                "pageSize": 5
                                            });
        tryCompare(model, "count", 5, 10000);
        tryCompare(model, "loading", false);
        compare(model.hasMore, true);
        compare(row(model, 4, MessagesModel.ContentRole), "Message 12");
        model.fetchOlder();
        tryCompare(model, "count", 10, 10000);
        compare(row(model, 0, MessagesModel.ContentRole), "Message 3");
        tryCompare(model, "loading", false);
        model.fetchOlder();
        tryCompare(model, "count", 12, 10000);
        tryCompare(model, "hasMore", false);
        compare(row(model, 0, MessagesModel.ContentRole), "Message 1");
    }

    function test_ticketsModelAnonymousAndCreate() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const tickets = createTemporaryObject(ticketsComponent, testCase, {
                                                  "client": chat
                                              });
        // Anonymous sessions cannot list: the error says so, with a hint.
        settle(chat.tickets.create({ title: "Opens an anonymous session" }));
        tickets.refresh();
        tryCompare(tickets.error, "kind", ChatError.AuthRequired, 10000);
        verify(tickets.error.hint.length > 0);

        // Created through the model: on top at once.
        const job = tickets.createTicket("Made by the model", "Hello");
        const spy = createTemporaryObject(signalSpy, testCase, {
                                              "target": job,
                                              "signalName": "succeeded"
                                          });
        spy.wait(10000);
        tryVerify(() => tickets.count >= 1 && row(tickets, 0, TicketsModel.TitleRole)
                  === "Made by the model", 10000);
        compare(row(tickets, 0, TicketsModel.LastMessageRole), "Hello");
    }

    function test_typingNotifier() {
        const chat = createTemporaryObject(clientComponent, testCase);
        const ticket = settle(chat.tickets.create({ title: "Typing" }));
        const notifier = createTemporaryObject(notifierComponent, testCase, {
                                                   "client": chat,
                                                   "ticketId": ticket.id
                                               });
        notifier.textChanged("Hel");
        tryCompare(notifier, "typing", true, 10000);
        notifier.messageSent();
        tryCompare(notifier, "typing", false, 10000);
    }

    Component {
        id: signalSpy

        SignalSpy {}
    }
}
