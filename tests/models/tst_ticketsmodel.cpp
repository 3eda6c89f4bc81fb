// SPDX-License-Identifier: MIT
// TicketsModel against a real devserver: paging, live inserts, in-place
// updates with exactly the changed roles, moves to the sorted place.
#include "modeltestsupport.h"
#include "ticketsmodel.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace CStar;
using namespace CStar::Testing;

namespace {

QList<int> sortedRoles(const QList<QVariant> &dataChangedArgs)
{
    QList<int> roles = dataChangedArgs.at(2).value<QList<int>>();
    std::sort(roles.begin(), roles.end());
    return roles;
}

} // namespace

class TestTicketsModel : public QObject
{
    Q_OBJECT

private:
    TicketsModel *newModel(ChatClient *client)
    {
        auto *model = new TicketsModel(client, this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal,
                                     this);
        return model;
    }

    bool startServer(DevServerProcess &server)
    {
        DevServerProcess::Options options;
        options.extraArgs = fastServerArgs();
        return server.start(options);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anonymousListIsAuthRequired()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        std::unique_ptr<TicketsModel> model(newModel(app.client.get()));

        // Anonymous sessions cannot list: the error is a value UIs show a
        // sign-in prompt from, not a crash.
        TRY_COMPARE(model->error().kind(), ChatError::Kind::AuthRequired);
        QVERIFY(!model->error().hint().isEmpty());
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->isLoading());

        // Creating is allowed; the ticket shows at once.
        Job<Ticket> *job =
            model->create(QStringLiteral("Printer on fire"), QStringLiteral("Smoke everywhere"));
        QVERIFY(job);
        QVERIFY(waitForJob(job));
        TRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->data(model->index(0), TicketsModel::TitleRole).toString(),
                 QStringLiteral("Printer on fire"));
        QCOMPARE(model->data(model->index(0), TicketsModel::MessageCountRole).toInt(), 1);

        // identify → resyncRequired → refresh: the ticket moved to the customer.
        QVERIFY(app.identify(server, QStringLiteral("anon-to-known")));
        TRY_VERIFY(!model->error().isError());
        TRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->data(model->index(0), TicketsModel::TitleRole).toString(),
                 QStringLiteral("Printer on fire"));
    }

    void reloadsWhenTheSessionIsReplaced()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        TestHttp http(server);
        const QString known = http.identify(server.chatSecret(),
                                            {{QStringLiteral("id"), QStringLiteral("cust-late")}});
        QCOMPARE(http.chat("POST", QStringLiteral("/tickets"),
                           {{QStringLiteral("title"), QStringLiteral("Mine")}}, known)
                     .status,
                 201);
        QTemporaryDir dir;
        App app(server, dir.path());
        std::unique_ptr<TicketsModel> model(newModel(app.client.get()));
        TRY_COMPARE(model->error().kind(), ChatError::Kind::AuthRequired);

        // As when the keychain answers after the models started an anonymous
        // session: the token is replaced under the model, which reloads.
        app.client->restoreSession(known, ChatClient::SessionKind::Identified);
        TRY_COMPARE(model->rowCount(), 1);
        QVERIFY(!model->error().isError());
        QCOMPARE(model->data(model->index(0), TicketsModel::TitleRole).toString(),
                 QStringLiteral("Mine"));
    }

    void liveInsertMoveUpdate()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-live"), QStringLiteral("Ada")));
        const QString t1 = createTicket(app.client.get(), QStringLiteral("One"));
        const QString t2 = createTicket(app.client.get(), QStringLiteral("Two"));
        const QString t3 = createTicket(app.client.get(), QStringLiteral("Three"));
        QVERIFY(!t1.isEmpty() && !t2.isEmpty() && !t3.isEmpty());

        std::unique_ptr<TicketsModel> model(newModel(app.client.get()));
        TRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->ticket(0).id(), t3); // updatedAt desc
        QCOMPARE(model->ticket(2).id(), t1);
        TRY_VERIFY(app.state->isRealtimeReady());

        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy moved(model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);

        // ticket.created from the customer's other device → inserted on top.
        TestHttp http(server);
        const QString phone = http.identify(server.chatSecret(),
                                            {{QStringLiteral("id"), QStringLiteral("cust-live")},
                                             {QStringLiteral("name"), QStringLiteral("Ada")}});
        QVERIFY(!phone.isEmpty());
        const HttpResult created =
            http.chat("POST", QStringLiteral("/tickets"),
                      {{QStringLiteral("title"), QStringLiteral("From my phone")}}, phone);
        QCOMPARE(created.status, 201);
        const QString t4 = created.data().value(QStringLiteral("id")).toString();
        TRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(model->ticket(0).id(), t4);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 0);

        // ticket.updated (agent PATCH) → updated in place, then moved to the top.
        // Order now: t4 t3 t2 t1.
        QVERIFY(agentSetsStatus(http, t1, QStringLiteral("pending")));
        TRY_COMPARE(model->ticket(0).id(), t1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), 3); // source row
        QCOMPARE(moved.at(0).at(4).toInt(), 0); // destination
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 3); // changed where it was
        QCOMPARE(sortedRoles(changed.at(0)),
                 (QList<int> {TicketsModel::StatusRole, TicketsModel::UpdatedAtRole,
                              TicketsModel::TicketRole}));
        QCOMPARE(model->data(model->index(0), TicketsModel::StatusRole).toString(),
                 QStringLiteral("pending"));

        // Order: t1 t4 t3 t2 → t2 to the top too, so t1 sits at row 1.
        QVERIFY(agentSetsStatus(http, t2, QStringLiteral("pending")));
        TRY_COMPARE(model->ticket(0).id(), t2);
        QCOMPARE(model->ticket(1).id(), t1);

        // message.created (agent reply) → only the summary roles change, and
        // the row moves to the top.
        changed.clear();
        moved.clear();
        QVERIFY(agentSays(http, t1, QStringLiteral("We are on it")));
        TRY_COMPARE(model->ticket(0).id(), t1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), 1);
        QCOMPARE(moved.at(0).at(4).toInt(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(sortedRoles(changed.at(0)),
                 (QList<int> {TicketsModel::MessageCountRole, TicketsModel::LastMessageRole,
                              TicketsModel::UnreadCountRole, TicketsModel::UpdatedAtRole,
                              TicketsModel::TicketRole}));
        const QModelIndex top = model->index(0);
        QCOMPARE(model->data(top, TicketsModel::LastMessageRole).toString(),
                 QStringLiteral("We are on it"));
        QCOMPARE(model->data(top, TicketsModel::MessageCountRole).toInt(), 1);
        QCOMPARE(model->data(top, TicketsModel::UnreadCountRole).toInt(), 1);
        QCOMPARE(model->data(top, TicketsModel::StatusRole).toString(), QStringLiteral("pending"));

        // An update of the top row: in place, no move.
        changed.clear();
        moved.clear();
        QVERIFY(agentSetsStatus(http, t1, QStringLiteral("open")));
        TRY_COMPARE(changed.count(), 1);
        QCOMPARE(moved.count(), 0);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QVERIFY(sortedRoles(changed.at(0)).contains(TicketsModel::StatusRole));
        QVERIFY(!sortedRoles(changed.at(0)).contains(TicketsModel::TitleRole));

        QCOMPARE(reset.count(), 0); // granular signals only
        QCOMPARE(inserted.count(), 1);
    }

    // rowOf() is an index now (a linear scan was 45 % of a live update):
    // it must follow every insert, move, removal, page and reset.
    void rowOfFollowsEveryChange()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-index"), QStringLiteral("Ada")));
        QStringList ids; // oldest first
        for (int i = 1; i <= 6; ++i)
            ids.append(createTicket(app.client.get(), QStringLiteral("T%1").arg(i)));

        auto *raw = new TicketsModel(this);
        new QAbstractItemModelTester(raw, QAbstractItemModelTester::FailureReportingMode::Fatal,
                                     this);
        raw->setPageSize(4);
        raw->setStatus(QStringLiteral("new,open,pending"));
        raw->setClient(app.client.get());
        std::unique_ptr<TicketsModel> model(raw);
        const auto indexIsRight = [&model] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->rowOf(model->ticket(row).id()) != row)
                    return false;
            }
            return model->rowOf(QString()) == -1 && model->rowOf(QStringLiteral("tkt_none")) == -1;
        };
        TRY_VERIFY(model->rowCount() >= 4); // T6…T3; T2, T1 on the next page
        QVERIFY(indexIsRight());
        TRY_VERIFY(app.state->isRealtimeReady());

        // The next page, appended at the end (Qt's fetchMore: newest first;
        // the model tester may ask for it too).
        TRY_VERIFY((model->canFetchMore(QModelIndex()) ? (model->fetchMore(QModelIndex()), false)
                                                       : !model->isLoading())
                   && model->rowCount() == 6);
        QCOMPARE(model->rowOf(ids.at(0)), 5);
        QVERIFY(indexIsRight());

        // Moves to the top from the bottom and from the middle.
        TestHttp http(server);
        QVERIFY(agentSays(http, ids.at(0), QStringLiteral("bottom up")));
        TRY_COMPARE(model->rowOf(ids.at(0)), 0);
        QVERIFY(indexIsRight());
        QVERIFY(agentSays(http, ids.at(3), QStringLiteral("middle up")));
        TRY_COMPARE(model->rowOf(ids.at(3)), 0);
        QCOMPARE(model->rowOf(ids.at(0)), 1);
        QVERIFY(indexIsRight());

        // Out of the filter: removed, and the rows below move up one.
        QVERIFY(agentSetsStatus(http, ids.at(5), QStringLiteral("closed")));
        TRY_COMPARE(model->rowOf(ids.at(5)), -1);
        QCOMPARE(model->rowCount(), 5);
        QVERIFY(indexIsRight());

        // A new ticket on top shifts every row down.
        const QString fresh = createTicket(app.client.get(), QStringLiteral("T7"));
        TRY_COMPARE(model->rowOf(fresh), 0);
        QCOMPARE(model->rowCount(), 6);
        QVERIFY(indexIsRight());

        // Back into the filter (an update of a ticket the list does not show).
        QVERIFY(agentSetsStatus(http, ids.at(5), QStringLiteral("open")));
        TRY_COMPARE(model->rowOf(ids.at(5)), 0);
        QVERIFY(indexIsRight());

        // A reset (refresh) rebuilds it.
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->refresh();
        TRY_COMPARE(reset.count(), 1);
        TRY_VERIFY(!model->isLoading());
        QVERIFY(model->rowCount() >= 4);
        QVERIFY(indexIsRight());
        QCOMPARE(model->rowOf(model->ticket(3).id()), 3);
    }

    void pagingAndFilter()
    {
        DevServerProcess server;
        QVERIFY2(startServer(server), qPrintable(server.errorString()));
        QTemporaryDir dir;
        App app(server, dir.path());
        QVERIFY(app.identify(server, QStringLiteral("cust-pages")));
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.prepend(createTicket(app.client.get(), QStringLiteral("T%1").arg(i)));

        std::unique_ptr<TicketsModel> model(newModel(app.client.get()));
        model->setPageSize(2);
        TRY_VERIFY(!model->isLoading() && model->rowCount() > 0);
        // Page by cursor until the end (the model tester fetches too).
        TRY_VERIFY((model->canFetchMore(QModelIndex()) ? (model->fetchMore(QModelIndex()), false)
                                                       : !model->isLoading())
                   && model->rowCount() == 5);
        QVERIFY(!model->hasMore());
        for (int row = 0; row < 5; ++row)
            QCOMPARE(model->ticket(row).id(), ids.at(row));

        std::unique_ptr<TicketsModel> pending(newModel(app.client.get()));
        pending->setStatus(QStringLiteral("pending,resolved"));
        TRY_VERIFY(!pending->isLoading());
        QCOMPARE(pending->rowCount(), 0);
        TRY_VERIFY(app.state->isRealtimeReady());

        TestHttp http(server);
        QVERIFY(agentSetsStatus(http, ids.at(3), QStringLiteral("pending")));
        TRY_COMPARE(pending->rowCount(), 1); // now matches the filter: inserted
        QCOMPARE(pending->ticket(0).id(), ids.at(3));
        TRY_COMPARE(model->ticket(0).id(), ids.at(3));
        QVERIFY(agentSetsStatus(http, ids.at(3), QStringLiteral("open")));
        TRY_COMPARE(pending->rowCount(), 0); // no longer matches: removed
        QCOMPARE(model->rowCount(), 5);
    }
};

QTEST_GUILESS_MAIN(TestTicketsModel)
#include "tst_ticketsmodel.moc"
