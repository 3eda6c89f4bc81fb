// SPDX-License-Identifier: MIT
// The snippets of docs/client.md compile (docsnippets.cpp is generated from
// the page); here we also check the page still has them and the setup one runs.
#include <chatclient.h>

#include <QTest>

extern int docSnippetCount;
void docSnippet0(CStar::ChatClient *chat, QObject *context);

class TestDocSnippets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageHasSnippets() { QVERIFY(docSnippetCount >= 7); }
    void setupSnippetRuns()
    {
        QObject context;
        docSnippet0(nullptr, &context);
        const auto clients = context.findChildren<CStar::ChatClient *>();
        QCOMPARE(clients.size(), 1);
        QCOMPARE(clients.first()->teamSlug(), QStringLiteral("acme"));
        QCOMPARE(clients.first()->baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
    }
};

QTEST_GUILESS_MAIN(TestDocSnippets)
#include "tst_docsnippets.moc"
