// CatalogClient over a real registry in a QTemporaryDir and real TorchScript files: results arrive
// as queued signals, import reports progress and can be cancelled, failures are reported, changes
// made by another catalog instance (as the CLI would) are picked up by polling, and destroying the
// client during an import is safe.

#include "catalogclient.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using Registry::ModelCatalog;

class tst_CatalogClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstSnapshotArrives();
    void importReportsProgressAndFinishes();
    void importOfBadFileFails();
    void cancelImportStoresNothing();
    void mutationsRefreshAndAreAudited();
    void failureNamesTheProblem();
    void changeFromAnotherInstanceIsPolled();
    void exportWritesTheFile();
    void destroyDuringImportIsSafe();

private:
    Registry::CatalogOptions options() const;
    std::unique_ptr<ModelCatalog> openCatalog() const;
    // Imports as the CLI would; false (with the reason logged) when it fails.
    bool importDirect(ModelCatalog &catalog, const QString &file, const QString &model, VersionInfo *out = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModelCatalog> m_catalog;
};

Registry::CatalogOptions tst_CatalogClient::options() const
{
    Registry::CatalogOptions o;
    // The console validates in a child process (modeldesk-cli); do the same when it is built.
    const QString cli = qEnvironmentVariable("MODELDESK_CLI");
    if (!cli.isEmpty() && QFileInfo(cli).isExecutable())
        o.validatorExecutable = cli;
    return o;
}

std::unique_ptr<ModelCatalog> tst_CatalogClient::openCatalog() const
{
    auto ws = Workspace::open(m_dir->path());
    if (!ws)
        qFatal("workspace: %s", qPrintable(ws.error().message));
    auto catalog = ModelCatalog::open(*ws, options());
    if (!catalog)
        qFatal("catalog: %s", qPrintable(catalog.error().message));
    return std::move(*catalog);
}

bool tst_CatalogClient::importDirect(ModelCatalog &catalog, const QString &file, const QString &model, VersionInfo *out)
{
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(file);
    request.model = model;
    auto v = catalog.importFile(request, QStringLiteral("cli-user"));
    if (!v) {
        qWarning("import %s: %s", qPrintable(file), qPrintable(v.error().message));
        return false;
    }
    if (out)
        *out = *v;
    return true;
}

void tst_CatalogClient::init()
{
    cleanup();
    MODELDESK_REQUIRE_TEST_MODELS();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_catalog = openCatalog();
}

void tst_CatalogClient::cleanup()
{
    m_catalog.reset();
    m_dir.reset();
}

void tst_CatalogClient::firstSnapshotArrives()
{
    QVERIFY(importDirect(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")));
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy snapshots(&client, &CatalogClient::snapshotReady);
    QVERIFY(snapshots.wait());
    const auto snapshot = snapshots.first().first().value<CatalogSnapshot>();
    QCOMPARE(snapshot.models.size(), 1);
    QCOMPARE(snapshot.versions.size(), 1);
    QCOMPARE(snapshot.versions.first().model, QStringLiteral("linear"));
    QCOMPARE(client.snapshot().versions.size(), 1);
    QCOMPARE(client.workspacePath(), m_catalog->workspace().root());
}

void tst_CatalogClient::importReportsProgressAndFinishes()
{
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy started(&client, &CatalogClient::importStarted);
    QSignalSpy progress(&client, &CatalogClient::importProgress);
    QSignalSpy finished(&client, &CatalogClient::importFinished);
    QSignalSpy failed(&client, &CatalogClient::importFailed);
    QSignalSpy snapshots(&client, &CatalogClient::snapshotReady);

    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(QStringLiteral("mlp.pt"));
    request.model = QStringLiteral("mlp");
    request.description = QStringLiteral("from the test");
    QVERIFY(client.importFile(request));
    QVERIFY(client.isImporting());
    QVERIFY(!client.importFile(request)); // one at a time
    QCOMPARE(started.size(), 1);

    QVERIFY2(finished.wait(60000), failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()));
    QVERIFY(!client.isImporting());
    QVERIFY(!progress.isEmpty());
    const auto last = progress.last();
    QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong()); // reached 100 %
    const auto v = finished.first().first().value<VersionInfo>();
    QCOMPARE(v.model, QStringLiteral("mlp"));
    QCOMPARE(v.version, 1);
    QCOMPARE(v.createdBy, QStringLiteral("tester"));
    QCOMPARE(v.signature.inputs.size(), 1);
    // A snapshot with the new version follows the import.
    QTRY_VERIFY(!snapshots.isEmpty() && snapshots.last().first().value<CatalogSnapshot>().versions.size() == 1);
}

void tst_CatalogClient::importOfBadFileFails()
{
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy failed(&client, &CatalogClient::importFailed);
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(QStringLiteral("random.bin"));
    request.model = QStringLiteral("junk");
    QVERIFY(client.importFile(request));
    QVERIFY(failed.wait(60000));
    QCOMPARE(failed.first().at(1).toBool(), false); // not a cancellation
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("random.bin")), qPrintable(failed.first().at(0).toString()));
    QVERIFY(!client.isImporting());
    QCOMPARE(m_catalog->registry().allVersions()->size(), 0);
}

void tst_CatalogClient::cancelImportStoresNothing()
{
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy failed(&client, &CatalogClient::importFailed);
    QSignalSpy finished(&client, &CatalogClient::importFinished);
    // Cancel as soon as the first progress report arrives, as a user pressing Cancel would.
    auto cancelOnProgress = connect(&client, &CatalogClient::importProgress, &client, [&client] { client.cancelImport(); });
    Registry::ImportRequest request;
    request.sourcePath = TestData::modelPath(QStringLiteral("large.pt"));
    request.model = QStringLiteral("large");
    QVERIFY(client.importFile(request));
    QVERIFY(failed.wait(60000));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.first().at(1).toBool(), true);
    QVERIFY(!client.isImporting());
    QVERIFY(m_catalog->registry().allVersions()->isEmpty());
    QCOMPARE(m_catalog->store().list()->size(), 0);
    disconnect(cancelOnProgress);

    // Cancelled before it started: nothing happens either, and the next import works.
    QVERIFY(client.importFile(request));
    client.cancelImport();
    QVERIFY(failed.wait(60000));
    QCOMPARE(failed.last().at(1).toBool(), true);
    request.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
    request.model = QStringLiteral("linear");
    QVERIFY(client.importFile(request));
    QVERIFY(finished.wait(60000));
}

void tst_CatalogClient::mutationsRefreshAndAreAudited()
{
    QVERIFY(importDirect(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear")));
    QVERIFY(importDirect(*m_catalog, QStringLiteral("mlp.pt"), QStringLiteral("linear")));
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy ok(&client, &CatalogClient::operationSucceeded);
    QSignalSpy failed(&client, &CatalogClient::operationFailed);
    const auto versionOf = [&client](int number) {
        for (const auto &v : client.snapshot().versions) {
            if (v.model == QLatin1String("linear") && v.version == number)
                return v;
        }
        return VersionInfo{};
    };

    client.setAlias(QStringLiteral("linear"), QStringLiteral("production"), 1);
    QTRY_COMPARE(versionOf(1).aliases, QStringList{QStringLiteral("production")});
    client.setAlias(QStringLiteral("linear"), QStringLiteral("production"), 2); // moves
    QTRY_COMPARE(versionOf(2).aliases, QStringList{QStringLiteral("production")});
    QCOMPARE(versionOf(1).aliases, QStringList{});
    client.setTag(QStringLiteral("linear"), 2, QStringLiteral("stage"), QStringLiteral("validated"));
    QTRY_COMPARE(versionOf(2).tags.value(QStringLiteral("stage")), QStringLiteral("validated"));
    client.removeTag(QStringLiteral("linear"), 2, QStringLiteral("stage"));
    QTRY_VERIFY(versionOf(2).tags.isEmpty());
    client.removeAlias(QStringLiteral("linear"), QStringLiteral("production"));
    QTRY_VERIFY(versionOf(2).aliases.isEmpty());
    client.deleteVersion(QStringLiteral("linear"), 1);
    QTRY_COMPARE(client.snapshot().versions.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(ok.size(), 6);

    QSignalSpy audit(&client, &CatalogClient::auditReady);
    client.loadAudit(QStringLiteral("linear"));
    QVERIFY(audit.wait());
    QCOMPARE(audit.first().first().toString(), QStringLiteral("linear"));
    const auto entries = audit.first().at(1).value<QList<AuditEntry>>();
    QStringList actions;
    for (const auto &e : entries)
        actions << e.action;
    QVERIFY2(actions.contains(QStringLiteral("version.delete")), qPrintable(actions.join(u',')));
    QVERIFY2(actions.contains(QStringLiteral("alias.set")), qPrintable(actions.join(u',')));

    client.deleteModel(QStringLiteral("linear"));
    QTRY_VERIFY(client.snapshot().models.isEmpty());
    QCOMPARE(failed.size(), 0);
}

void tst_CatalogClient::failureNamesTheProblem()
{
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy failed(&client, &CatalogClient::operationFailed);
    client.setAlias(QStringLiteral("ghost"), QStringLiteral("production"), 1);
    QVERIFY(failed.wait());
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("ghost")), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
}

void tst_CatalogClient::changeFromAnotherInstanceIsPolled()
{
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy snapshots(&client, &CatalogClient::snapshotReady);
    QVERIFY(snapshots.wait());
    QCOMPARE(client.snapshot().versions.size(), 0);

    // Another process (the CLI) opens the same workspace and imports: no refresh() is called here.
    auto other = openCatalog();
    QVERIFY(importDirect(*other, QStringLiteral("linear.pt"), QStringLiteral("from-cli")));
    QTRY_COMPARE_WITH_TIMEOUT(client.snapshot().versions.size(), 1, 10000);
    QCOMPARE(client.snapshot().versions.first().model, QStringLiteral("from-cli"));
    QCOMPARE(client.snapshot().versions.first().createdBy, QStringLiteral("cli-user"));

    // Without a change, polling sends nothing new.
    snapshots.clear();
    QVERIFY(!snapshots.wait(2500));
}

void tst_CatalogClient::exportWritesTheFile()
{
    VersionInfo v;
    QVERIFY(importDirect(*m_catalog, QStringLiteral("linear.pt"), QStringLiteral("linear"), &v));
    CatalogClient client(*m_catalog, QStringLiteral("tester"));
    QSignalSpy ok(&client, &CatalogClient::operationSucceeded);
    const QString destination = m_dir->filePath(QStringLiteral("exported.pt"));
    client.exportVersion(QStringLiteral("linear"), 1, destination);
    QVERIFY(ok.wait());
    QFile exported(destination);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(Artifacts::ArtifactStore::sha256(exported.readAll()), v.digest);
}

void tst_CatalogClient::destroyDuringImportIsSafe()
{
    {
        CatalogClient client(*m_catalog, QStringLiteral("tester"));
        Registry::ImportRequest request;
        request.sourcePath = TestData::modelPath(QStringLiteral("large.pt"));
        request.model = QStringLiteral("large");
        QVERIFY(client.importFile(request));
        QSignalSpy progress(&client, &CatalogClient::importProgress);
        QVERIFY(progress.wait(60000));
    } // the destructor cancels the import and joins the worker thread
    // The catalog is still usable and holds no half import.
    QVERIFY(m_catalog->registry().allVersions()->isEmpty());
    QCOMPARE(m_catalog->store().list()->size(), 0);
    QVERIFY(m_catalog->doctor()->ok());
}

QTEST_GUILESS_MAIN(tst_CatalogClient)
#include "tst_catalogclient.moc"
