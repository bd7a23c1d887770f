// modeldesk-cli models/audit/doctor as a user runs them: real processes, real files, exit codes, JSON.

#include "clitestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

class tst_CliModels : public QObject
{
    Q_OBJECT

    static QString sha256Of(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return QString::fromLatin1(h.result().toHex());
    }

    // Everything a user can see of a registry: the list JSON and the audit count.
    static QByteArray snapshot(const QString &ws)
    {
        const CliRun list = runCli(ws, {QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
        QStringList files;
        QDir dir(ws + QStringLiteral("/artifacts/sha256"));
        for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            files << QDir(dir.filePath(sub)).entryList(QDir::Files);
        return list.out.toUtf8() + files.join(QLatin1Char(',')).toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(cliPath()), "MODELDESK_CLI must point at modeldesk-cli");
    }

    void importListShowsDigest()
    {
        REQUIRE_TEST_MODELS();
        QTemporaryDir ws;
        const QString file = testModel(QStringLiteral("mlp.pt"));
        CliRun r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), file, QStringLiteral("--name"),
                                      QStringLiteral("fashion-mlp"), QStringLiteral("--description"), QStringLiteral("first")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("fashion-mlp:1")));
        QVERIFY(r.err.isEmpty());

        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray models = r.json().array();
        QCOMPARE(models.size(), 1);
        const QJsonObject v = models.at(0).toObject().value(QStringLiteral("versions")).toArray().at(0).toObject();
        QCOMPARE(v.value(QStringLiteral("sha256")).toString(), sha256Of(file));
        QCOMPARE(v.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(v.value(QStringLiteral("parameter_count")).toInteger(), 101770);
        QCOMPARE(v.value(QStringLiteral("description")).toString(), QStringLiteral("first"));
        // The import that creates the model describes the model too.
        QCOMPARE(models.at(0).toObject().value(QStringLiteral("description")).toString(), QStringLiteral("first"));

        // Human output is an aligned table with a header.
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QLatin1String("MODEL")));
        QCOMPARE(lines[0].indexOf(QLatin1String("VERSION")), lines[1].indexOf(QLatin1String("1 ")));

        // A second import is version 2; show by version and by alias.
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("mlp_v2.pt")),
                               QStringLiteral("--name"), QStringLiteral("fashion-mlp"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("alias"), QStringLiteral("fashion-mlp:1"),
                                    QStringLiteral("production")}).exitCode, 0);
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("fashion-mlp@production"),
                               QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(r.json().object().value(QStringLiteral("aliases")).toArray().first().toString(), QStringLiteral("production"));

        // Tags, export, audit, doctor.
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("tag"), QStringLiteral("fashion-mlp:2"),
                                    QStringLiteral("stage=candidate"), QStringLiteral("owner=ops")}).exitCode, 0);
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("fashion-mlp:2"), QStringLiteral("--json")});
        QCOMPARE(r.json().object().value(QStringLiteral("tags")).toObject().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("candidate"));
        const QString out = ws.path() + QStringLiteral("/exported.pt");
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("fashion-mlp@production"),
                               QStringLiteral("--format"), QStringLiteral("torchscript"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sha256Of(out), sha256Of(file));
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("fashion-mlp:1"),
                               QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 4); // exists, no --force

        r = runCli(ws.path(), {QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QStringList actions;
        for (const QJsonValue &e : r.json().array())
            actions << e.toObject().value(QStringLiteral("action")).toString();
        QVERIFY2(actions.contains(QStringLiteral("version.create")), qPrintable(actions.join(QLatin1Char(','))));
        QVERIFY(actions.contains(QStringLiteral("alias.set")));
        QVERIFY(actions.contains(QStringLiteral("tag.set")));

        r = runCli(ws.path(), {QStringLiteral("doctor")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

        // Deleting a version removes it; deleting the model needs --yes.
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("delete"), QStringLiteral("fashion-mlp:2")}).exitCode, 0);
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("delete"), QStringLiteral("fashion-mlp")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--yes")));
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("delete"), QStringLiteral("fashion-mlp"),
                                    QStringLiteral("--yes")}).exitCode, 0);
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.json().array().size(), 0);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
    }

    void badFilesRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QStringLiteral("empty.pt") << QStringLiteral("empty");
        QTest::newRow("truncated") << QStringLiteral("truncated.pt") << QString();
        QTest::newRow("random") << QStringLiteral("random.bin") << QStringLiteral("not a");
        QTest::newRow("eager pickle") << QStringLiteral("eager_pickle.pt") << QStringLiteral("torch.jit");
        QTest::newRow("state dict") << QStringLiteral("state_dict.pt") << QStringLiteral("torch.jit");
        QTest::newRow("zip slip") << QStringLiteral("zip_slip.pt") << QStringLiteral("escapes");
        QTest::newRow("not tensor") << QStringLiteral("not_tensor.pt") << QStringLiteral("tensor");
        QTest::newRow("dict output") << QStringLiteral("dict_out.pt") << QStringLiteral("tensor");
        QTest::newRow("missing") << QStringLiteral("does-not-exist.pt") << QStringLiteral("no such file");
    }
    void badFilesRefused()
    {
        REQUIRE_TEST_MODELS();
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QTemporaryDir ws;
        QCOMPARE(runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                                    QStringLiteral("--name"), QStringLiteral("keep")}).exitCode, 0);
        const QByteArray before = snapshot(ws.path());
        const CliRun r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(file),
                                            QStringLiteral("--name"), QStringLiteral("keep")});
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY(r.exitCode != 1); // never "internal error" for a bad file
        const QStringList errLines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(errLines.size(), 1);
        QVERIFY2(errLines.first().startsWith(QLatin1String("modeldesk-cli: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(reason, Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(snapshot(ws.path()), before);
        QCOMPARE(runCli(ws.path(), {QStringLiteral("doctor")}).exitCode, 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
        QTest::newRow("import no name") << QStringList{QStringLiteral("models"), QStringLiteral("import"), QStringLiteral("x.pt")} << 2;
        QTest::newRow("bad name") << QStringList{QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("Bad/Name")} << 2;
        QTest::newRow("unknown model") << QStringList{QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("nope")} << 3;
        QTest::newRow("unknown version") << QStringList{QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("nope:3")} << 3;
        QTest::newRow("bad version") << QStringList{QStringLiteral("models"), QStringLiteral("show"), QStringLiteral("m:zero")} << 2;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--bogus")} << 2;
        QTest::newRow("export format") << QStringList{QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("m"),
                                                      QStringLiteral("--format"), QStringLiteral("onnx"), QStringLiteral("--out"),
                                                      QStringLiteral("x")} << 2;
        QTest::newRow("alias unknown") << QStringList{QStringLiteral("models"), QStringLiteral("alias"), QStringLiteral("m:1"),
                                                      QStringLiteral("prod")} << 3;
        QTest::newRow("audit limit") << QStringList{QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("x")} << 2;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QTemporaryDir ws;
        const CliRun r = runCli(ws.path(), args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(r.err.startsWith(QLatin1String("modeldesk-cli: ")));
    }

    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{QStringLiteral("--help")};
        for (const char *sub : {"import", "list", "show", "delete", "alias", "tag", "export"})
            QTest::newRow(sub) << QStringList{QStringLiteral("models"), QString::fromLatin1(sub), QStringLiteral("--help")};
        QTest::newRow("audit") << QStringList{QStringLiteral("audit"), QStringLiteral("--help")};
        QTest::newRow("doctor") << QStringList{QStringLiteral("doctor"), QStringLiteral("--help")};
    }
    void helpEverywhere()
    {
        QFETCH(QStringList, args);
        QTemporaryDir ws;
        const CliRun r = runCli(ws.path(), args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage:")));
    }

    void doctorFindsCorruption()
    {
        REQUIRE_TEST_MODELS();
        QTemporaryDir ws;
        CliRun r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("import"), testModel(QStringLiteral("linear.pt")),
                                      QStringLiteral("--name"), QStringLiteral("lin"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QString digest = r.json().object().value(QStringLiteral("sha256")).toString();
        const QString stored = ws.path() + QStringLiteral("/artifacts/sha256/") + digest.left(2) + QLatin1Char('/') + digest;
        QFile f(stored);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write("X");
        f.close();
        r = runCli(ws.path(), {QStringLiteral("doctor")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QLatin1String("'lin' version 1")), qPrintable(r.err));
        // Reading it refuses too, naming model and version.
        r = runCli(ws.path(), {QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("lin:1"), QStringLiteral("--out"),
                               ws.path() + QStringLiteral("/x.pt")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(!QFile::exists(ws.path() + QStringLiteral("/x.pt")));

        // An orphan file is reported and removed by --fix.
        QFile::remove(stored);
        QDir().mkpath(ws.path() + QStringLiteral("/artifacts/sha256/ab"));
        QFile orphan(ws.path() + QStringLiteral("/artifacts/sha256/ab/ab") + QString(62, QLatin1Char('0')));
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.write("x");
        orphan.close();
        r = runCli(ws.path(), {QStringLiteral("doctor"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 5);
        const QString problems = QString::fromUtf8(QJsonDocument(r.json().object().value(QStringLiteral("problems")).toArray()).toJson());
        QVERIFY2(problems.contains(QLatin1String("orphan")), qPrintable(problems));
        QVERIFY2(problems.contains(QLatin1String("'lin' version 1")), qPrintable(problems)); // missing file
    }
};

QTEST_GUILESS_MAIN(tst_CliModels)
#include "tst_climodels.moc"
