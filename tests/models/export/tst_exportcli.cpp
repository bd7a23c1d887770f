// The real modeldesk-cli: `models import FILE.mar`, `export triton`, `export kserve`, their exit
// codes and one-line errors.

#include "clitestutil.h"
#include "exporttestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk::ExportTest;

class tst_ExportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importMarArchive();
    void eagerArchiveIsRefused();
    void exportTritonRepository();
    void exportTritonNeedsShapes();
    void exportKServeManifest();
    void usageErrors_data();
    void usageErrors();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }
    QTemporaryDir m_dir;
};

void tst_ExportCli::initTestCase()
{
    REQUIRE_TEST_MODELS();
    QVERIFY(QFileInfo(cliPath()).isExecutable());
}

void tst_ExportCli::importMarArchive()
{
    const QString mar = m_dir.filePath(QStringLiteral("mnist.mar"));
    QVERIFY(makeMar(mar, testModel(QStringLiteral("mlp.pt")),
                    {QStringLiteral("--version"), QStringLiteral("3.0")})
                .isEmpty());
    CliRun r = runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"), mar,
                             QStringLiteral("--name"), QStringLiteral("fm")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("imported fm:1")), qPrintable(r.out));
    r = runCli(ws(), {QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("fm:1"),
                      QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject v = r.json().object();
    QCOMPARE(v.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("mnist.mar:mlp.pt"));
    QCOMPARE(v.value(QStringLiteral("params"))
                 .toObject()
                 .value(QStringLiteral("torchserve_model_version"))
                 .toString(),
             QStringLiteral("3.0"));
}

void tst_ExportCli::eagerArchiveIsRefused()
{
    const QString py = m_dir.filePath(QStringLiteral("model.py"));
    QFile f(py);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("class Net: pass\n");
    f.close();
    const QString mar = m_dir.filePath(QStringLiteral("eager.mar"));
    QVERIFY(makeMar(mar, testModel(QStringLiteral("state_dict.pt")), {QStringLiteral("--model-file"), py})
                .isEmpty());
    const CliRun r = runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"), mar,
                                   QStringLiteral("--name"), QStringLiteral("eager")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("modeldesk-cli: eager.mar is an eager-mode archive")),
             qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
}

void tst_ExportCli::exportTritonRepository()
{
    CliRun r = runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"),
                             testModel(QStringLiteral("linear.pt")), QStringLiteral("--name"),
                             QStringLiteral("lin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString repo = m_dir.filePath(QStringLiteral("repo"));
    const QStringList args{QStringLiteral("export"),
                           QStringLiteral("triton"),
                           QStringLiteral("lin:1"),
                           QStringLiteral("--out"),
                           repo,
                           QStringLiteral("--input"),
                           QStringLiteral("FP32:-1,4"),
                           QStringLiteral("--output"),
                           QStringLiteral("fp32:-1,3")};
    r = runCli(ws(), args + QStringList{QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject written = r.json().array().first().toObject();
    QCOMPARE(written.value(QStringLiteral("model")).toString(), QStringLiteral("lin"));
    QCOMPARE(written.value(QStringLiteral("versions")).toArray(), QJsonArray{1});
    QCOMPARE(written.value(QStringLiteral("max_batch_size")).toInt(), 8);
    QVERIFY(QFile::exists(repo + QStringLiteral("/lin/config.pbtxt")));
    QCOMPARE(sha256OfFile(repo + QStringLiteral("/lin/1/model.pt")),
             sha256OfFile(testModel(QStringLiteral("linear.pt"))));

    r = runCli(ws(), args);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("--force")), qPrintable(r.err));
    r = runCli(ws(), args + QStringList{QStringLiteral("--force")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("exported lin version(s) 1 to ")), qPrintable(r.out));

    r = runCli(ws(), {QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("version.export"),
                      QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().array().size() >= 2);
}

void tst_ExportCli::exportTritonNeedsShapes()
{
    CliRun r = runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"),
                             testModel(QStringLiteral("linear.pt")), QStringLiteral("--name"),
                             QStringLiteral("bare")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString repo = m_dir.filePath(QStringLiteral("repo-bare"));
    r = runCli(ws(), {QStringLiteral("export"), QStringLiteral("triton"), QStringLiteral("bare"),
                      QStringLiteral("--out"), repo});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--input DTYPE:DIMS")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(repo + QStringLiteral("/bare")));
}

void tst_ExportCli::exportKServeManifest()
{
    CliRun r =
        runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("mlp.pt")),
                      QStringLiteral("--name"), QStringLiteral("kmodel")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString file = m_dir.filePath(QStringLiteral("isvc.yaml"));
    r = runCli(ws(), {QStringLiteral("export"), QStringLiteral("kserve"), QStringLiteral("kmodel"),
                      QStringLiteral("--out"), file, QStringLiteral("--storage-uri"),
                      QStringLiteral("s3://bucket/kmodel")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QString why;
    const QJsonArray docs = yamlDocuments(file, &why);
    QVERIFY2(docs.size() == 1, qPrintable(why));
    QCOMPARE(docs.first().toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("InferenceService"));

    // Standard output when --out is not given; the placeholder note goes to stderr.
    r = runCli(ws(), {QStringLiteral("export"), QStringLiteral("kserve"), QStringLiteral("kmodel:1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("apiVersion: serving.kserve.io/v1beta1")));
    QVERIFY2(r.err.contains(QStringLiteral("placeholder")), qPrintable(r.err));

    r = runCli(ws(), {QStringLiteral("export"), QStringLiteral("kserve"), QStringLiteral("kmodel"),
                      QStringLiteral("--out"), file});
    QCOMPARE(r.exitCode, 4);
}

void tst_ExportCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no target") << QStringList{QStringLiteral("export")} << 2;
    QTest::newRow("unknown target") << QStringList{QStringLiteral("export"), QStringLiteral("onnx")} << 2;
    QTest::newRow("triton without --out")
        << QStringList{QStringLiteral("export"), QStringLiteral("triton"), QStringLiteral("x")} << 2;
    QTest::newRow("triton without model") << QStringList{QStringLiteral("export"), QStringLiteral("triton"),
                                                         QStringLiteral("--out"), QStringLiteral("d")}
                                          << 2;
    QTest::newRow("bad dtype") << QStringList{QStringLiteral("export"),    QStringLiteral("triton"),
                                              QStringLiteral("x"),         QStringLiteral("--out"),
                                              QStringLiteral("d"),         QStringLiteral("--input"),
                                              QStringLiteral("FLOAT:-1,4")}
                               << 2;
    QTest::newRow("bad dims") << QStringList{QStringLiteral("export"),   QStringLiteral("triton"),
                                             QStringLiteral("x"),        QStringLiteral("--out"),
                                             QStringLiteral("d"),        QStringLiteral("--input"),
                                             QStringLiteral("FP32:-1,0")}
                              << 2;
    QTest::newRow("unknown model") << QStringList{QStringLiteral("export"), QStringLiteral("triton"),
                                                  QStringLiteral("nosuch"), QStringLiteral("--out"),
                                                  QStringLiteral("d")}
                                   << 3;
    QTest::newRow("kserve two refs") << QStringList{QStringLiteral("export"), QStringLiteral("kserve"),
                                                    QStringLiteral("a"), QStringLiteral("b")}
                                     << 2;
    QTest::newRow("kserve bad name") << QStringList{QStringLiteral("export"), QStringLiteral("kserve"),
                                                    QStringLiteral("kmodel"), QStringLiteral("--name"),
                                                    QStringLiteral("Bad_Name")}
                                     << 2;
}

void tst_ExportCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const CliRun r = runCli(ws(), args);
    QCOMPARE(r.exitCode, exitCode);
    // One error line on stderr, or (for a bare `export`) the usage on stdout.
    QVERIFY2(r.err.startsWith(QStringLiteral("modeldesk-cli: ")) ||
                 r.out.startsWith(QStringLiteral("Usage: ")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_ExportCli)
#include "tst_exportcli.moc"
