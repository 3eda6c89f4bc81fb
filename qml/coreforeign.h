// SPDX-License-Identifier: MIT
#pragma once

// QML declarations of the CStarChat::Core types. Core has no QML dependency,
// so its classes are registered here as foreign types (qt_add_qml_module reads
// the Core metatypes that chatcore/CMakeLists.txt extracts with
// qt_extract_metatypes).

#include "chatclient.h"
#include "chaterror.h"
#include "chatjob.h"
#include "chatstate.h"
#include "connectionstate.h"
#include "conversationcontroller.h"
#include "customer.h"
#include "deliverystate.h"
#include "message.h"
#include "messagesmodel.h"
#include "qmlchatclient.h"
#include "ticket.h"
#include "ticketsmodel.h"
#include "typingevent.h"
#include "typingnotifier.h"

#include <QAbstractItemModel>
#include <QtQml/qqml.h>

namespace CStar::QmlForeign {

// ---- objects ------------------------------------------------------------------

/// Qt 6.4 ships no QML description of QAbstractItemModel; without it tools
/// cannot see index(), data() or fetchMore() on the models.
struct AbstractItemModelForeign
{
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};

/// The C++ client itself. Its JS SDK members (chat.tickets, chat.identify()…)
/// come from ChatClientQml through Core's ScriptApi hook, not an extension
/// object: Qt gives extension objects only to objects QML creates, and a
/// client made in C++ must have them too.
struct ChatClientForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::ChatClient)
    QML_NAMED_ELEMENT(ChatClient)
};

/// Returned by the models' calls (ChatState, TicketsModel):
/// finished/succeeded/failed, isFinished, isSuccess, error, result. Deletes
/// itself after finished(). ChatClient's own calls return Promises.
struct ChatJobForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::ChatJob)
    QML_NAMED_ELEMENT(ChatJob)
    QML_UNCREATABLE("Jobs are returned by ChatState and TicketsModel calls.")
};

struct ChatStateForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::ChatState)
    QML_NAMED_ELEMENT(ChatState)
};

struct TicketsModelForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::TicketsModel)
    QML_NAMED_ELEMENT(TicketsModel)
};

struct MessagesModelForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::MessagesModel)
    QML_NAMED_ELEMENT(MessagesModel)
};

/// The open conversation, drafts, the new-conversation flow and the
/// thread's texts (ChatView drives one; so does the widget ChatPanel).
struct ConversationControllerForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::ConversationController)
    QML_NAMED_ELEMENT(ConversationController)
};

struct TypingNotifierForeign
{
    Q_GADGET
    QML_FOREIGN(CStar::TypingNotifier)
    QML_NAMED_ELEMENT(TypingNotifier)
};

// ---- value types (lower-case names, Qt 6.4 rule) ---------------------------------

struct TicketValueType
{
    Q_GADGET
    QML_FOREIGN(CStar::Ticket)
    QML_VALUE_TYPE(ticket)
};

struct MessageValueType
{
    Q_GADGET
    QML_FOREIGN(CStar::Message)
    QML_VALUE_TYPE(message)
};

struct CustomerValueType
{
    Q_GADGET
    QML_FOREIGN(CStar::Customer)
    QML_VALUE_TYPE(customer)
};

struct TypingEventValueType
{
    Q_GADGET
    QML_FOREIGN(CStar::TypingEvent)
    QML_VALUE_TYPE(typingEvent)
};

struct ChatErrorValueType
{
    Q_GADGET
    QML_FOREIGN(CStar::ChatError)
    QML_VALUE_TYPE(chatError)
};

// ChatClient.connectionState's type, known to the QML tools (qmllint 6.8
// warns on a property of an unknown type); its values come from Connection below.
struct ConnectionStateHolder
{
    Q_GADGET
    QML_FOREIGN(CStar::Connection)
    QML_ANONYMOUS
};

} // namespace CStar::QmlForeign

// ---- enums: Connection.Streaming, Delivery.Failed, ChatError.AuthRequired … ---------
//
// The Core keeps these enums in gadget classes. Qt 6.4's tools describe a
// foreign gadget as a value type, whose enums neither qmllint nor a lower-case
// value type name can reach, so QML gets namespaces with the same values.

#define CSTAR_QML_SAME_ENUM(QmlEnum, CoreEnum, Value)                                              \
    static_assert(int(QmlEnum::Value) == int(CoreEnum::Value), "QML enum out of sync: " #Value)

namespace CStarQmlConnection {
Q_NAMESPACE
QML_NAMED_ELEMENT(Connection)
/// CStar::Connection::State
enum class State { Disconnected, Connecting, Streaming, Polling, Reconnecting };
Q_ENUM_NS(State)
CSTAR_QML_SAME_ENUM(State, CStar::Connection::State, Disconnected);
CSTAR_QML_SAME_ENUM(State, CStar::Connection::State, Connecting);
CSTAR_QML_SAME_ENUM(State, CStar::Connection::State, Streaming);
CSTAR_QML_SAME_ENUM(State, CStar::Connection::State, Polling);
CSTAR_QML_SAME_ENUM(State, CStar::Connection::State, Reconnecting);
} // namespace CStarQmlConnection

namespace CStarQmlDelivery {
Q_NAMESPACE
QML_NAMED_ELEMENT(Delivery)
/// CStar::Delivery::State
enum class State { Sent, Sending, Failed };
Q_ENUM_NS(State)
CSTAR_QML_SAME_ENUM(State, CStar::Delivery::State, Sent);
CSTAR_QML_SAME_ENUM(State, CStar::Delivery::State, Sending);
CSTAR_QML_SAME_ENUM(State, CStar::Delivery::State, Failed);
} // namespace CStarQmlDelivery

namespace CStarQmlChatError {
Q_NAMESPACE
QML_NAMED_ELEMENT(ChatError)
/// CStar::ChatError::Kind
enum class Kind {
    None,
    Validation,
    Authentication,
    AuthRequired,
    Permission,
    NotFound,
    Conflict,
    RateLimit,
    Server,
    Network,
    Timeout,
    Protocol,
};
Q_ENUM_NS(Kind)
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, None);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Validation);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Authentication);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, AuthRequired);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Permission);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, NotFound);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Conflict);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, RateLimit);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Server);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Network);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Timeout);
CSTAR_QML_SAME_ENUM(Kind, CStar::ChatError::Kind, Protocol);
} // namespace CStarQmlChatError

namespace CStarQmlMessage {
Q_NAMESPACE
QML_NAMED_ELEMENT(Message)
/// CStar::Message::Sender
enum class Sender { Unknown, Customer, Agent, System };
Q_ENUM_NS(Sender)
CSTAR_QML_SAME_ENUM(Sender, CStar::Message::Sender, Unknown);
CSTAR_QML_SAME_ENUM(Sender, CStar::Message::Sender, Customer);
CSTAR_QML_SAME_ENUM(Sender, CStar::Message::Sender, Agent);
CSTAR_QML_SAME_ENUM(Sender, CStar::Message::Sender, System);
} // namespace CStarQmlMessage

namespace CStarQmlTicket {
Q_NAMESPACE
QML_NAMED_ELEMENT(Ticket)
/// CStar::Ticket::Status
enum class Status { Unknown, New, Open, Pending, Resolved, Closed };
Q_ENUM_NS(Status)
/// CStar::Ticket::Priority
enum class Priority { Unknown, Low, Normal, High, Urgent };
Q_ENUM_NS(Priority)
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, Unknown);
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, New);
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, Open);
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, Pending);
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, Resolved);
CSTAR_QML_SAME_ENUM(Status, CStar::Ticket::Status, Closed);
CSTAR_QML_SAME_ENUM(Priority, CStar::Ticket::Priority, Unknown);
CSTAR_QML_SAME_ENUM(Priority, CStar::Ticket::Priority, Low);
CSTAR_QML_SAME_ENUM(Priority, CStar::Ticket::Priority, Normal);
CSTAR_QML_SAME_ENUM(Priority, CStar::Ticket::Priority, High);
CSTAR_QML_SAME_ENUM(Priority, CStar::Ticket::Priority, Urgent);
} // namespace CStarQmlTicket

#undef CSTAR_QML_SAME_ENUM
