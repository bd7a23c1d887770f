// ExportActions (the Models page's Export submenu) over a real catalog in a QTemporaryDir with real
// TorchScript files: each export runs off the GUI thread and reports to the log signals; the Triton
// folder and KServe manifest are written; an encrypted-at-rest workspace asks before plaintext; an
// existing Triton model folder is replaced only after a yes; the page's context menu has the submenu.

#include "catalogclient.h"
#include "exportactions.h"
#include "modelspage.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk;
using Registry::ModelCatalog;

class tst_ExportActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<CatalogClient> m_client;
    std::unique_ptr<QWidget> m_parent;
    ExportActions *m_actions = nullptr;
    VersionInfo m_plain;  // linear.pt as imported: no dtype/shape in its signature
    VersionInfo m_typed;  // the same bytes with a full signature, as training records it
    QStringList m_asked;  // confirmation titles, in order
    bool m_answer = true;
    QStringList m_typed_answers; // what the text asker answers, in order; empty: cancel
    QStringList m_prompts;

    QString out(const QString &name) const { return m_dir->filePath(QStringLiteral("out/") + name); }

    // Waits for one finished() and returns its ok flag.
    bool waitFinished(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(60000))
            return false;
        return spy.takeFirst().at(0).toBool();
    }

private Q_SLOTS:
    void init()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("out"))));
        auto ws = Workspace::open(m_dir->filePath(QStringLiteral("workspace")));
        QVERIFY(ws);
        auto catalog = ModelCatalog::open(*ws);
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
        m_catalog = std::move(*catalog);
        Registry::ImportRequest request;
        request.sourcePath = TestData::modelPath(QStringLiteral("linear.pt"));
        request.model = QStringLiteral("linear");
        auto v = m_catalog->importFile(request, QStringLiteral("test"));
        QVERIFY2(v, v ? "" : qPrintable(v.error().message));
        m_plain = *v;
        NewVersion typed;
        typed.digest = m_plain.digest;
        typed.size = m_plain.size;
        typed.format = m_plain.format;
        typed.signature.inputs = {{QStringLiteral("x"), QStringLiteral("FP32"), {-1, 4}}};
        typed.signature.outputs = {{QStringLiteral("y"), QStringLiteral("FP32"), {-1, 3}}};
        auto t = m_catalog->registry().addVersion(QStringLiteral("linear"), typed, QStringLiteral("test"));
        QVERIFY2(t, t ? "" : qPrintable(t.error().message));
        m_typed = *t;

        m_client = std::make_unique<CatalogClient>(*m_catalog, QStringLiteral("test"), 0);
        m_parent = std::make_unique<QWidget>();
        m_actions = new ExportActions(*m_client, [this] { return std::optional<VersionInfo>(m_typed); }, m_parent.get());
        m_asked.clear();
        m_answer = true;
        m_typed_answers.clear();
        m_prompts.clear();
        m_actions->setTextAsker([this](const QString &, const QString &label) -> std::optional<QString> {
            m_prompts << label;
            if (m_typed_answers.isEmpty())
                return std::nullopt;
            return m_typed_answers.takeFirst();
        });
        m_actions->setConfirmer([this](const QString &title, const QString &) {
            m_asked << title;
            return m_answer;
        });
    }

    void cleanup()
    {
        m_parent.reset(); // waits for a running export
        m_actions = nullptr;
        m_client.reset();
        m_catalog.reset();
        m_dir.reset();
    }

    void torchScriptFile()
    {
        QSignalSpy finished(m_actions, &ExportActions::finished);
        QSignalSpy info(m_actions, &ExportActions::info);
        QVERIFY(m_actions->exportTorchScript(m_typed, out(QStringLiteral("linear.pt"))));
        QVERIFY(waitFinished(finished));
        QFile f(out(QStringLiteral("linear.pt")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), TestData::readModel(QStringLiteral("linear.pt")));
        QVERIFY(!info.isEmpty());
        QVERIFY2(info.last().at(0).toString().contains(QLatin1String("linear:2")), qPrintable(info.last().at(0).toString()));
        QVERIFY(m_asked.isEmpty()); // nothing encrypted: no question
    }

    void tritonRepository()
    {
        QSignalSpy finished(m_actions, &ExportActions::finished);
        QVERIFY(m_actions->exportTriton(m_typed, out(QStringLiteral("repo"))));
        QVERIFY(waitFinished(finished));
        QFile config(out(QStringLiteral("repo/linear/config.pbtxt")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        QVERIFY2(text.contains(QLatin1String("platform: \"pytorch_libtorch\"")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("TYPE_FP32")));
        QVERIFY(QFile::exists(out(QStringLiteral("repo/linear/2/model.pt"))));

        // The folder exists now: "no" keeps it, "yes" replaces it.
        m_answer = false;
        QSignalSpy info(m_actions, &ExportActions::info);
        QVERIFY(m_actions->exportTriton(m_typed, out(QStringLiteral("repo"))));
        QVERIFY(!waitFinished(finished));
        QCOMPARE(m_asked, QStringList{QStringLiteral("Replace Model Folder")});
        QVERIFY(info.last().at(0).toString().contains(QLatin1String("cancelled")));
        m_answer = true;
        QVERIFY(m_actions->exportTriton(m_typed, out(QStringLiteral("repo"))));
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_asked.size(), 2);
    }

    void parseTensorSpec_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QList<qint64>>("shape");
        QTest::newRow("plain") << QStringLiteral("FP32:-1,784") << QStringLiteral("FP32") << QList<qint64>{-1, 784};
        QTest::newRow("lower case, spaces") << QStringLiteral(" int64 : 1 , 3 ") << QStringLiteral("INT64") << QList<qint64>{1, 3};
        QTest::newRow("unknown type") << QStringLiteral("FLOAT:-1") << QString() << QList<qint64>{};
        QTest::newRow("zero dim") << QStringLiteral("FP32:0,3") << QString() << QList<qint64>{};
        QTest::newRow("below -1") << QStringLiteral("FP32:-2") << QString() << QList<qint64>{};
        QTest::newRow("no dims") << QStringLiteral("FP32:") << QString() << QList<qint64>{};
        QTest::newRow("no colon") << QStringLiteral("FP32") << QString() << QList<qint64>{};
    }

    void parseTensorSpec()
    {
        QFETCH(QString, text);
        QFETCH(QString, dtype);
        QFETCH(QList<qint64>, shape);
        const std::optional<TensorSpec> spec = ExportActions::parseTensorSpec(text);
        QCOMPARE(spec.has_value(), !dtype.isEmpty());
        if (spec) {
            QCOMPARE(spec->dtype, dtype);
            QCOMPARE(spec->shape, shape);
        }
    }

    void tritonAsksForMissingTypes()
    {
        // An imported file records no dtype/shape: the console asks, re-asks after a typo, and writes
        // a config with the answers; cancelling writes nothing.
        QSignalSpy finished(m_actions, &ExportActions::finished);
        QSignalSpy info(m_actions, &ExportActions::info);
        QVERIFY(m_actions->exportTriton(m_plain, out(QStringLiteral("repo"))));
        QVERIFY(!waitFinished(finished));
        QCOMPARE(m_prompts.size(), 1);
        QVERIFY2(m_prompts.first().contains(QLatin1String("linear:1")), qPrintable(m_prompts.first()));
        QVERIFY(info.last().at(0).toString().contains(QLatin1String("cancelled")));
        QVERIFY(!QFile::exists(out(QStringLiteral("repo/linear"))));

        m_prompts.clear();
        m_typed_answers = {QStringLiteral("float:4"), QStringLiteral("FP32:-1,4"), QStringLiteral("fp32:-1,3")};
        QVERIFY(m_actions->exportTriton(m_plain, out(QStringLiteral("repo"))));
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_prompts.size(), 3);
        QVERIFY2(m_prompts.at(1).startsWith(QLatin1String("'float:4' is not DTYPE:DIMS")), qPrintable(m_prompts.at(1)));
        QFile config(out(QStringLiteral("repo/linear/config.pbtxt")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        QVERIFY2(text.contains(QLatin1String("dims: [ 4 ]")) && text.contains(QLatin1String("dims: [ 3 ]")), qPrintable(text));
        QVERIFY(QFile::exists(out(QStringLiteral("repo/linear/1/model.pt"))));
    }

    void kserveManifest()
    {
        QSignalSpy finished(m_actions, &ExportActions::finished);
        QVERIFY(m_actions->exportKServe(m_typed, out(QStringLiteral("linear.yaml"))));
        QVERIFY(waitFinished(finished));
        QFile f(out(QStringLiteral("linear.yaml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString yaml = QString::fromUtf8(f.readAll());
        QVERIFY2(yaml.contains(QLatin1String("kind: InferenceService")), qPrintable(yaml));
        QVERIFY(yaml.contains(QLatin1String("serving.kserve.io/v1beta1")));
    }

    void encryptedAsksBeforePlaintext()
    {
        // A workspace that encrypts its artifacts: writing plaintext anywhere needs a yes.
        QVERIFY(m_catalog->registry().changeSettings({{QString::fromLatin1(Registry::encryptionEnabledSetting), QStringLiteral("true")}},
                                                     {}, QStringLiteral("test"), QStringLiteral("encryption.enable")));
        QSignalSpy finished(m_actions, &ExportActions::finished);
        m_answer = false;
        QVERIFY(m_actions->exportTriton(m_typed, out(QStringLiteral("repo"))));
        QVERIFY(!waitFinished(finished));
        QCOMPARE(m_asked, QStringList{QStringLiteral("Write Plaintext Model")});
        QVERIFY(!QFile::exists(out(QStringLiteral("repo/linear"))));
        QVERIFY(m_actions->exportTorchScript(m_typed, out(QStringLiteral("plain.pt"))));
        QVERIFY(!waitFinished(finished));
        QVERIFY(!QFile::exists(out(QStringLiteral("plain.pt"))));

        m_answer = true;
        QVERIFY(m_actions->exportTriton(m_typed, out(QStringLiteral("repo"))));
        QVERIFY(waitFinished(finished));
        QVERIFY(QFile::exists(out(QStringLiteral("repo/linear/2/model.pt"))));
        QCOMPARE(m_asked.size(), 3);
        // A manifest holds no model bytes: no question.
        QVERIFY(m_actions->exportKServe(m_typed, out(QStringLiteral("m.yaml"))));
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_asked.size(), 3);
    }

    void modelsPageContextMenu()
    {
        ModelsPage page(*m_client);
        auto *actions = page.findChild<ExportActions *>(QStringLiteral("exportActions"));
        QVERIFY(actions);
        QStringList texts;
        for (QAction *a : actions->menu()->actions())
            texts << a->text();
        QCOMPARE(texts, QStringList({QStringLiteral("&TorchScript File…"), QStringLiteral("T&riton Repository…"),
                                     QStringLiteral("&KServe Manifest…")}));
        // Nothing selected: the entries are off when the menu opens.
        Q_EMIT actions->menu()->aboutToShow();
        QVERIFY(!actions->tritonAction()->isEnabled());
    }
};

QTEST_MAIN(tst_ExportActions)
#include "tst_exportactions.moc"
