// SPDX-License-Identifier: MIT
// The QML ChatClient against a real devserver, in the JS SDK's shape:
// chat.tickets.* / chat.messages.* returning real Promises, rejections as
// ChatClientError / ChatClientAuthError objects, wire-shaped messages and
// typing events, identify with a JS object signed by Node, teardown
// functions, disconnect(), and a client made in C++.
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

    // Waits for `promise`; returns {ok, value}.
    function settle(promise) {
        verify(promise instanceof Promise, "a real Promise");
        const outcome = {
            "done": false
        };
        promise.then(function (value) {
            outcome.ok = true;
            outcome.value = value;
            outcome.done = true;
        }, function (error) {
            outcome.ok = false;
            outcome.value = error;
            outcome.done = true;
        });
        tryVerify(() => outcome.done, 10000, "the promise settled");
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

    function test_oneWay() {
        const chat = createClient();
        for (const name of ["createTicket", "listTickets", "getTicket", "listMessages", "sendMessage"])
            compare(typeof chat[name], "undefined", name);
        for (const name of ["create", "list", "get"])
            compare(typeof chat.tickets[name], "function", "tickets." + name);
        for (const name of ["list", "send"])
            compare(typeof chat.messages[name], "function", "messages." + name);
        for (const name of ["identify", "onMessage", "onTyping", "sendTyping", "disconnect", "logout"])
            compare(typeof chat[name], "function", name);
    }

    function test_ticketsCreateAndGet() {
        const chat = createClient();
        const created = settle(chat.tickets.create({
                                                       "title": "Help from QML",
                                                       "message": "First message",
                                                       "priority": "high"
                                                   }));
        verify(created.ok, created.ok ? "" : created.value.message);
        const ticket = created.value;
        verify(ticket.id.startsWith("tkt_"));
        compare(ticket.title, "Help from QML");
        compare(ticket.priority, "high");
        compare(ticket.status, "new");
        compare(ticket.messageCount, 1);
        compare(ticket.message_count, 1);
        compare(ticket.lastMessage.content, "First message");
        compare(ticket.lastMessage.sender, "customer");
        compare(typeof ticket.created_at, "string");

        const got = settle(chat.tickets.get(ticket.id));
        verify(got.ok);
        compare(got.value.title, "Help from QML");
    }

    function test_ticketsCreateWantsAnObject() {
        const chat = createClient();
        const created = settle(chat.tickets.create("Help"));
        verify(!created.ok, "a bare title is refused, not converted");
        compare(created.value.name, "ChatClientError");
        compare(created.value.kind, ChatError.Validation);
        compare(created.value.param, "title");
    }

    function test_promiseChainingCatchFinally() {
        const chat = createClient();
        const steps = [];
        let listed = null;
        chat.tickets.create({
                                "title": "Chained"
                            }).then(function (ticket) {
                                steps.push("created");
                                // A returned promise is adopted: the next then gets its value.
                                return chat.messages.send(ticket.id, "Thanks for helping!").then(() => ticket);
                            }).then(function (ticket) {
                                steps.push("sent");
                                return chat.messages.list(ticket.id, {
                                                              "limit": 10
                                                          });
                            }).then(function (page) {
                                listed = page;
                                throw new Error("from a callback");
                            }).catch(function (error) {
                                steps.push("caught " + error.message);
                            }).finally(function () {
                                steps.push("finally");
                            });
        tryCompare(steps, "length", 4, 10000);
        compare(steps, ["created", "sent", "caught from a callback", "finally"]);
        compare(listed.data.length, 1);
        compare(listed.data[0].content, "Thanks for helping!");
        compare(listed.hasMore, false);

        // finally() after a rejection passes the rejection on.
        let reason = null;
        let ran = false;
        chat.tickets.get("tkt_does_not_exist").finally(() => ran = true).catch(e => reason = e);
        tryVerify(() => reason !== null, 10000);
        verify(ran);
        compare(reason.kind, ChatError.NotFound);
    }

    function test_anonymousListIsChatClientAuthError() {
        const chat = createClient();
        const listed = settle(chat.tickets.list());
        verify(!listed.ok);
        const error = listed.value;
        verify(error instanceof Error);
        compare(error.name, "ChatClientAuthError");
        compare(error.kind, ChatError.AuthRequired);
        compare(error.code, "identify_required");
        verify(error.hint.length > 0, "the server's recovery hint");
        verify(error.message.length > 0);
        compare(error.httpStatus, 403);
        verify(error.requestId.startsWith("req_"));
        compare(error.retryAfter, -1);
        compare(chat.sessionKind, ChatClient.Anonymous);
    }

    function test_otherErrorsAreChatClientError() {
        const chat = createClient();
        const got = settle(chat.tickets.get("tkt_does_not_exist"));
        verify(!got.ok);
        compare(got.value.name, "ChatClientError");
        compare(got.value.kind, ChatError.NotFound);
        compare(got.value.httpStatus, 404);
        verify(got.value.hint.length > 0, "a hint, the client's when the server gave none");

        const bad = settle(chat.identify("{\"id\":\"cus_x\"}", "00"));
        compare(bad.value.name, "ChatClientAuthError");
        compare(bad.value.kind, ChatError.Authentication);
        compare(bad.value.code, "invalid_signature");
    }

    function test_identifiedListReturnsAPage() {
        const chat = identifiedClient("cus_qml_list");
        verify(settle(chat.tickets.create({
                                              "title": "First"
                                          })).ok);
        verify(settle(chat.tickets.create({
                                              "title": "Second"
                                          })).ok);
        const listed = settle(chat.tickets.list({
                                                    "limit": 1
                                                }));
        verify(listed.ok, listed.ok ? "" : listed.value.message);
        compare(listed.value.data.length, 1);
        compare(listed.value.hasMore, true);
        verify(listed.value.nextCursor.length > 0);
        compare(listed.value.data[0].title, "Second");

        const next = settle(chat.tickets.list({
                                                  "limit": 10,
                                                  "cursor": listed.value.nextCursor
                                              }));
        verify(next.ok);
        compare(next.value.data.length, 1);
        compare(next.value.data[0].title, "First");
        compare(next.value.hasMore, false);
        compare(next.value.nextCursor, null);

        const open = settle(chat.tickets.list({
                                                  "status": "resolved"
                                              }));
        compare(open.value.data.length, 0);

        verify(settle(chat.logout()).ok);
        compare(chat.sessionKind, ChatClient.None);
    }

    function test_identifyWithAnObjectSignedByNode() {
        // Keys deliberately not sorted, and a number JSON.stringify writes its way.
        const literal = "{ name: 'Jane', id: 'cus_node_42', email: 'jane@acme.com', plan: 2.50, seats: 1e3 }";
        const signature = devServer.nodeSign(literal);
        if (signature.length === 0)
            skip("node is not installed");
        const customer = Function("return (" + literal + ");")();
        const chat = createClient();
        const identified = settle(chat.identify(customer, signature));
        verify(identified.ok, identified.ok ? "" : identified.value.code + ": " + identified.value.message);
        compare(identified.value.externalId, "cus_node_42");
        compare(identified.value.external_id, "cus_node_42");
        compare(chat.sessionKind, ChatClient.Identified);
    }

    function test_identifyWithTextSendsItByteForByte() {
        const text = "{ \"id\" : \"cus_text_1\",  \"name\": \"Zoë\" }"; // spaces and non-ASCII kept
        const chat = createClient();
        const identified = settle(chat.identify(text, devServer.sign(text)));
        verify(identified.ok, identified.ok ? "" : identified.value.message);
        compare(identified.value.name, "Zoë");
    }

    function test_messagesAndTypingAsTheSeedSeesThem() {
        const chat = createClient();
        const ticket = settle(chat.tickets.create({
                                                      "title": "Realtime"
                                                  })).value;
        const messages = [];
        const typing = [];
        const offMsg = chat.onMessage(ticket.id, msg => messages.push(msg));
        const offTyping = chat.onTyping(ticket.id, event => typing.push(event));
        compare(typeof offMsg, "function");
        tryCompare(chat, "connectionState", Connection.Streaming, 10000);

        const sent = settle(chat.messages.send(ticket.id, "Hello from QML"));
        verify(sent.ok);
        compare(sent.value.sender, "customer");
        verify(sent.value.client_message_id.length > 0);
        compare(sent.value.clientMessageId, sent.value.client_message_id);

        compare(devServer.agentPostMessage(ticket.id, "Hi! Maya here.").status, 201);
        tryVerify(() => messages.some(m => m.sender === "agent"), 10000);
        const reply = messages.find(m => m.sender === "agent");
        compare(reply.sender_name, "Maya");
        compare(reply.senderName, "Maya");
        compare(reply.content, "Hi! Maya here.");
        compare(reply.ticket_id, ticket.id);
        compare(reply.ticketId, ticket.id);
        verify(!isNaN(Date.parse(reply.created_at)));
        compare(reply.createdAt, reply.created_at);
        verify(messages.some(m => m.sender === "customer" && m.content === "Hello from QML"), JSON.stringify(messages));

        compare(devServer.agentTyping(ticket.id, true), 204);
        tryVerify(() => typing.some(e => e.isTyping), 10000);
        const event = typing.find(e => e.isTyping);
        compare(event.sender, "agent");
        compare(event.sender_name, "Maya");
        compare(event.ticket_id, ticket.id);
        const typed = settle(chat.sendTyping(ticket.id, true));
        verify(typed.ok);

        // Teardown ends both (twice is harmless); the stream then closes.
        offMsg();
        offTyping();
        offMsg();
        tryCompare(chat, "connectionState", Connection.Disconnected, 10000);
        const count = messages.length;
        compare(devServer.agentPostMessage(ticket.id, "Nobody listens").status, 201);
        verify(settle(chat.tickets.get(ticket.id)).ok); // a round trip later…
        compare(messages.length, count); // …nothing arrived
    }

    function test_disconnect() {
        const chat = createClient();
        const ticket = settle(chat.tickets.create({
                                                      "title": "Disconnect"
                                                  })).value;
        const off = chat.onMessage(ticket.id, () => {});
        tryCompare(chat, "connectionState", Connection.Streaming, 10000);
        chat.disconnect();
        compare(chat.connectionState, Connection.Disconnected);
        // The client is still usable: the next call works.
        verify(settle(chat.tickets.get(ticket.id)).ok);
        off();
    }

    function test_clientMadeInCpp() {
        const chat = devServer.createCppClient();
        verify(chat !== null);
        compare(typeof chat.tickets.create, "function");
        const created = settle(chat.tickets.create({
                                                       "title": "From a C++ client"
                                                   }));
        verify(created.ok, created.ok ? "" : created.value.message);
        compare(created.value.title, "From a C++ client");
    }

    function test_promisesSurviveGarbageCollection() {
        const chat = createClient();
        const outcomes = [];
        for (let i = 0; i < 5; ++i)
            chat.tickets.create({
                                    "title": "GC " + i
                                }).then(t => outcomes.push(t.title));
        gc();
        tryCompare(outcomes, "length", 5, 10000);
        gc();
    }
}
