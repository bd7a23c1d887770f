// TorchServe archive import: real .mar files written with Python's zipfile (as torch-model-archiver
// writes them), a real registry and real TorchScript files.

#include "exporttestutil.h"
#include "testmodels.h"

#include "registry/marimport.h"
#include "registry/modelcatalog.h"
#include "registry/modelregistry.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using namespace ModelDesk::Registry;
using namespace ModelDesk::ExportTest;

class tst_MarImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsTorchScriptArchive_data();
    void importsTorchScriptArchive();
    void detectsArchives();
    void refusesEagerModeArchive();
    void refusesEscapingEntries_data();
    void refusesEscapingEntries();
    void refusesSerializedFileOutsideArchive();
    void refusesMissingEntry();
    void refusesBadManifest();
    void detectsCorruptData();
    void reportsInvalidTorchScriptByArchiveEntry();

private:
    Result<VersionInfo> import(const QString &mar, const QString &model = QStringLiteral("fashion"));
    QStringList workspaceTmpFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModelCatalog> m_catalog;
};

void tst_MarImport::init()
{
    MODELDESK_REQUIRE_TEST_MODELS();
    m_dir = std::make_unique<QTemporaryDir>();
    m_catalog = openCatalog(m_dir->filePath(QStringLiteral("ws")));
    QVERIFY(m_catalog);
}

Result<VersionInfo> tst_MarImport::import(const QString &mar, const QString &model)
{
    ImportRequest r;
    r.sourcePath = mar;
    r.model = model;
    return importMarArchive(*m_catalog, r, QStringLiteral("tester"));
}

QStringList tst_MarImport::workspaceTmpFiles() const
{
    return QDir(m_catalog->workspace().tmpDir()).entryList(QDir::Files | QDir::Hidden);
}

void tst_MarImport::importsTorchScriptArchive_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("deflated") << QStringList{};
    QTest::newRow("stored") << QStringList{QStringLiteral("--stored")};
    QTest::newRow("data descriptors") << QStringList{QStringLiteral("--stream")};
}

void tst_MarImport::importsTorchScriptArchive()
{
    QFETCH(QStringList, options);
    const QString mar = m_dir->filePath(QStringLiteral("mnist.mar"));
    const QString pt = TestData::modelPath(QStringLiteral("mlp.pt"));
    const QString made = makeMar(mar, pt, options << QStringLiteral("--version") << QStringLiteral("2.1"));
    QVERIFY2(made.isEmpty(), qPrintable(made));

    auto manifest = readMarManifest(mar);
    QVERIFY2(manifest, errorText(manifest));
    QCOMPARE(manifest->modelName, QStringLiteral("mnist"));
    QCOMPARE(manifest->modelVersion, QStringLiteral("2.1"));
    QCOMPARE(manifest->serializedFile, QStringLiteral("mlp.pt"));
    QVERIFY(!manifest->isEagerMode());

    auto v = import(mar);
    QVERIFY2(v, errorText(v));
    QCOMPARE(v->model, QStringLiteral("fashion"));
    QCOMPARE(v->version, 1);
    QCOMPARE(v->digest, sha256OfFile(pt)); // the inner file, byte for byte
    QCOMPARE(v->lineage.source, QStringLiteral("mnist.mar:mlp.pt"));
    QCOMPARE(v->params.value(QStringLiteral("torchserve_model_name")).toString(), QStringLiteral("mnist"));
    QCOMPARE(v->params.value(QStringLiteral("torchserve_model_version")).toString(), QStringLiteral("2.1"));
    QCOMPARE(v->params.value(QStringLiteral("torchserve_handler")).toString(),
             QStringLiteral("image_classifier"));
    QCOMPARE(v->params.value(QStringLiteral("torchserve_archiver_version")).toString(),
             QStringLiteral("0.9.0"));
    QCOMPARE(v->parameterCount, qint64(784 * 128 + 128 + 128 * 10 + 10));
    // The extracted copy is gone.
    QCOMPARE(workspaceTmpFiles(), QStringList());
    // Stored and readable like any version.
    auto bytes = m_catalog->readArtifact(*v);
    QVERIFY(bytes);
    QCOMPARE(bytes->size(), qint64(QFileInfo(pt).size()));
}

void tst_MarImport::detectsArchives()
{
    const QString mar = m_dir->filePath(QStringLiteral("m.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt"))).isEmpty());
    QVERIFY(isMarArchive(mar));
    QVERIFY(!isMarArchive(TestData::modelPath(QStringLiteral("mlp.pt")))); // TorchScript is a zip too
    QVERIFY(!isMarArchive(TestData::modelPath(QStringLiteral("random.bin"))));
    QVERIFY(!isMarArchive(m_dir->filePath(QStringLiteral("missing.mar"))));
    auto notMar = readMarManifest(TestData::modelPath(QStringLiteral("mlp.pt")));
    QVERIFY(!notMar);
    QVERIFY2(notMar.error().message.contains(QStringLiteral("MAR-INF/MANIFEST.json")),
             qPrintable(notMar.error().message));
    auto missing = import(m_dir->filePath(QStringLiteral("missing.mar")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void tst_MarImport::refusesEagerModeArchive()
{
    const QString py = m_dir->filePath(QStringLiteral("model.py"));
    QFile f(py);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("import torch\nclass Net(torch.nn.Module):\n    pass\n");
    f.close();
    const QString mar = m_dir->filePath(QStringLiteral("eager.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("state_dict.pt")),
                    {QStringLiteral("--model-file"), py, QStringLiteral("--entry-name"),
                     QStringLiteral("model.pth")})
                .isEmpty());
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::Unsupported);
    const QString message = v.error().message;
    QVERIFY2(message.contains(QStringLiteral("eager-mode")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("model.py")) && message.contains(QStringLiteral("model.pth")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("TorchScript")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    auto models = m_catalog->registry().models();
    QVERIFY(models);
    QVERIFY(models->isEmpty());
    QCOMPARE(workspaceTmpFiles(), QStringList());
}

void tst_MarImport::refusesEscapingEntries_data()
{
    QTest::addColumn<QString>("entry");
    QTest::newRow("parent") << "../evil.txt";
    QTest::newRow("nested parent") << "extra/../../evil.txt";
    QTest::newRow("absolute") << "/tmp/modeldesk-evil.txt";
    QTest::newRow("backslash") << "..\\evil.txt";
}

void tst_MarImport::refusesEscapingEntries()
{
    QFETCH(QString, entry);
    const QString mar = m_dir->filePath(QStringLiteral("slip.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt")),
                    {QStringLiteral("--extra"), entry + QStringLiteral("=pwned")})
                .isEmpty());
    QVERIFY(!readMarManifest(mar));
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::InvalidArgument);
    QVERIFY2(v.error().message.contains(QStringLiteral("escapes")), qPrintable(v.error().message));
    // Nothing was written anywhere: not next to the workspace, not in it.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("evil.txt"))));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("ws/evil.txt"))));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/modeldesk-evil.txt")));
    QCOMPARE(workspaceTmpFiles(), QStringList());
    auto models = m_catalog->registry().models();
    QVERIFY(models && models->isEmpty());
}

void tst_MarImport::refusesSerializedFileOutsideArchive()
{
    const QString mar = m_dir->filePath(QStringLiteral("outside.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt")),
                    {QStringLiteral("--manifest-serialized"), QStringLiteral("../mlp.pt")})
                .isEmpty());
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::InvalidArgument);
    QVERIFY2(v.error().message.contains(QStringLiteral("escapes")), qPrintable(v.error().message));
}

void tst_MarImport::refusesMissingEntry()
{
    const QString mar = m_dir->filePath(QStringLiteral("missing-entry.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt")),
                    {QStringLiteral("--manifest-serialized"), QStringLiteral("other.pt")})
                .isEmpty());
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::InvalidArgument);
    QVERIFY2(v.error().message.contains(QStringLiteral("other.pt")), qPrintable(v.error().message));
}

void tst_MarImport::refusesBadManifest()
{
    const QString mar = m_dir->filePath(QStringLiteral("bad-manifest.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt")),
                    {QStringLiteral("--no-manifest"), QStringLiteral("--extra"),
                     QStringLiteral("MAR-INF/MANIFEST.json={not json")})
                .isEmpty());
    QVERIFY(isMarArchive(mar));
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::InvalidArgument);
    QVERIFY2(v.error().message.contains(QStringLiteral("MANIFEST.json")), qPrintable(v.error().message));
}

void tst_MarImport::detectsCorruptData()
{
    const QString mar = m_dir->filePath(QStringLiteral("corrupt.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("mlp.pt"))).isEmpty());
    QFile f(mar);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    // Inside the deflated data of mlp.pt, the first entry (its local header is 36 bytes + extra).
    for (int i = 4000; i < 4016; ++i)
        bytes[i] = char(~bytes[i]);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
    f.close();
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::Corrupt);
    QVERIFY2(v.error().message.contains(QStringLiteral("corrupt.mar:mlp.pt")), qPrintable(v.error().message));
    QCOMPARE(workspaceTmpFiles(), QStringList());
    auto models = m_catalog->registry().models();
    QVERIFY(models && models->isEmpty());
}

void tst_MarImport::reportsInvalidTorchScriptByArchiveEntry()
{
    const QString mar = m_dir->filePath(QStringLiteral("pickled.mar"));
    QVERIFY(makeMar(mar, TestData::modelPath(QStringLiteral("eager_pickle.pt")),
                    {QStringLiteral("--entry-name"), QStringLiteral("model.pt")})
                .isEmpty());
    auto v = import(mar);
    QVERIFY(!v);
    QCOMPARE(v.error().code, Error::Code::InvalidArgument);
    const QString message = v.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("pickled.mar:model.pt")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("artifact-")), qPrintable(message)); // no staging-file names
    QCOMPARE(workspaceTmpFiles(), QStringList());
}

QTEST_GUILESS_MAIN(tst_MarImport)
#include "tst_marimport.moc"
