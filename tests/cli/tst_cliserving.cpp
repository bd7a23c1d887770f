// The serving face of the real modeldesk-cli: tokens (shown once, last line), deployment definitions
// in the workspace (deploy/swap/canary/undeploy/deployments), in-process infer, and `serve` in the
// foreground: port 0 reported, --deploy, --url commands against it, a definition written by another
// process picked up live, rollback over the API, clean stop on SIGTERM, deployments restored.

#include "clitestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

class tst_CliServing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_ws;
    QString m_requestFile;
    QJsonArray m_expectedOutput;

    CliRun cli(const QStringList &args, int timeoutMs = 180000) { return runCli(m_ws.path(), args, {}, timeoutMs); }

    static QString lastLine(const QString &text) { return text.trimmed().split(QLatin1Char('\n')).last().trimmed(); }

    static bool closeTo(const QJsonArray &a, const QJsonArray &b)
    {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (std::abs(a[i].toDouble() - b[i].toDouble()) > 1e-4 * std::max(1.0, std::abs(b[i].toDouble())))
                return false;
        }
        return true;
    }

    // Starts `serve` and returns its base URL (empty on failure).
    QString startServer(QProcess &server, const QStringList &extra = {}, QString *collected = nullptr)
    {
        QStringList args{QStringLiteral("--workspace"), m_ws.path(), QStringLiteral("serve"), QStringLiteral("--port"),
                         QStringLiteral("0")};
        args << extra;
        server.setProcessChannelMode(QProcess::SeparateChannels);
        server.start(cliPath(), args);
        if (!server.waitForStarted(10000))
            return {};
        static const QRegularExpression re(QStringLiteral("serving on (http://127\\.0\\.0\\.1:[0-9]+)"));
        QString out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(1000);
            out += QString::fromUtf8(server.readAllStandardOutput());
            const auto m = re.match(out);
            if (m.hasMatch()) {
                if (collected)
                    *collected = out;
                return m.captured(1);
            }
        }
        qWarning().noquote() << "serve did not start:" << out << server.readAllStandardError();
        return {};
    }

    static bool waitForOutput(QProcess &p, const QString &needle, QString *collected, int timeoutMs = 120000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            *collected += QString::fromUtf8(p.readAllStandardOutput());
            if (collected->contains(needle))
                return true;
            if (p.state() != QProcess::Running && !p.waitForReadyRead(0))
                return collected->contains(needle);
            p.waitForReadyRead(500);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!cliPath().isEmpty());
        QVERIFY(m_ws.isValid());
    }

    void tokens()
    {
        CliRun r = cli({QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ci"),
                        QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--models"), QStringLiteral("mlp"),
                        QStringLiteral("--expires"), QStringLiteral("30d")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(lastLine(r.out).startsWith(QStringLiteral("mdk_")));
        QVERIFY(!lastLine(r.out).contains(QLatin1Char(' ')));

        r = cli({QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = r.json().array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
        QCOMPARE(list.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QVERIFY(!r.out.contains(QStringLiteral("mdk_")));

        QCOMPARE(cli({QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x"),
                      QStringLiteral("--role"), QStringLiteral("root")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ci"),
                      QStringLiteral("--role"), QStringLiteral("viewer")}).exitCode, 4);
        QCOMPARE(cli({QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("ci")}).exitCode, 0);
        r = cli({QStringLiteral("tokens"), QStringLiteral("list")});
        QVERIFY(r.out.contains(QStringLiteral("revoked")));
        QCOMPARE(cli({QStringLiteral("tokens"), QStringLiteral("revoke"), QStringLiteral("ghost")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("tokens")}).exitCode, 2);
    }

    void deploymentDefinitions()
    {
        REQUIRE_TEST_MODELS();
        for (const char *file : {"mlp.pt", "mlp_v2.pt"}) {
            CliRun r = cli({QStringLiteral("models"), QStringLiteral("import"), testModel(QLatin1String(file)),
                            QStringLiteral("--name"), QStringLiteral("mlp")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        CliRun r = cli({QStringLiteral("deploy"), QStringLiteral("mlp:1"), QStringLiteral("--max-batch-size"), QStringLiteral("16")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("saved")));
        QCOMPARE(cli({QStringLiteral("deploy"), QStringLiteral("ghost:1")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("deploy"), QStringLiteral("mlp:9")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("deploy"), QStringLiteral("mlp:1"), QStringLiteral("--max-batch-size"), QStringLiteral("0")}).exitCode, 2);

        QCOMPARE(cli({QStringLiteral("swap"), QStringLiteral("mlp"), QStringLiteral("2")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("canary"), QStringLiteral("mlp"), QStringLiteral("1"), QStringLiteral("20")}).exitCode, 0);
        r = cli({QStringLiteral("deployments"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject spec = r.json().array().first().toObject();
        QCOMPARE(spec.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(spec.value(QStringLiteral("canary_version")).toInt(), 1);
        QCOMPARE(spec.value(QStringLiteral("canary_percent")).toInt(), 20);
        QCOMPARE(spec.value(QStringLiteral("batching")).toObject().value(QStringLiteral("max_batch_size")).toInt(), 16);
        QCOMPARE(cli({QStringLiteral("canary"), QStringLiteral("mlp"), QStringLiteral("--clear")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("swap"), QStringLiteral("mlp"), QStringLiteral("9")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("swap"), QStringLiteral("ghost"), QStringLiteral("1")}).exitCode, 3);
        r = cli({QStringLiteral("rollback"), QStringLiteral("mlp")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--url")));
        QCOMPARE(cli({QStringLiteral("swap"), QStringLiteral("mlp"), QStringLiteral("1")}).exitCode, 0);
        r = cli({QStringLiteral("deployments")});
        QVERIFY(r.out.contains(QStringLiteral("mlp:1")));
    }

    void inferInProcess()
    {
        REQUIRE_TEST_MODELS();
        QFile f(testModel(QStringLiteral("mlp_expected.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(f.readAll()).object();
        m_expectedOutput = expected.value(QStringLiteral("output")).toArray().first().toArray();
        const QJsonObject request{
            {QStringLiteral("id"), QStringLiteral("cli")},
            {QStringLiteral("inputs"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                              {QStringLiteral("datatype"), QStringLiteral("FP32")},
                                                              {QStringLiteral("shape"), QJsonArray{1, 784}},
                                                              {QStringLiteral("data"), expected.value(QStringLiteral("input"))}}}}};
        m_requestFile = m_ws.filePath(QStringLiteral("request.json"));
        QFile out(m_requestFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(request).toJson());
        out.close();

        CliRun r = cli({QStringLiteral("infer"), QStringLiteral("mlp:1"), QStringLiteral("--data"), m_requestFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("cli"));
        QCOMPARE(o.value(QStringLiteral("model_version")).toString(), QStringLiteral("1"));
        QVERIFY(closeTo(o.value(QStringLiteral("outputs")).toArray().first().toObject().value(QStringLiteral("data")).toArray(),
                        m_expectedOutput));

        // From standard input; a bad body is exit 2 with one line on stderr.
        QProcess p;
        p.start(cliPath(), {QStringLiteral("--workspace"), m_ws.path(), QStringLiteral("infer"), QStringLiteral("mlp"),
                            QStringLiteral("--data"), QStringLiteral("-")});
        QVERIFY(p.waitForStarted());
        p.write("{\"inputs\":[]}");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()).trimmed().count(QLatin1Char('\n')), 0);
    }

    void serveInForeground()
    {
        REQUIRE_TEST_MODELS();
        CliRun t = cli({QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ops"),
                        QStringLiteral("--role"), QStringLiteral("admin")});
        QCOMPARE(t.exitCode, 0);
        const QString token = lastLine(t.out);

        QProcess server;
        QString out;
        const QString url = startServer(server, {QStringLiteral("--deploy"), QStringLiteral("mlp:1")}, &out);
        QVERIFY(!url.isEmpty());
        QVERIFY2(waitForOutput(server, QStringLiteral("deployment mlp ready"), &out), qPrintable(out));
        // The banner says what runs the models.
        static const QRegularExpression runtimeLine(QStringLiteral("runtime: LibTorch [0-9.]+, BLAS [a-z]+ \\("));
        QVERIFY2(runtimeLine.match(out).hasMatch(), qPrintable(out));

        const QStringList remote{QStringLiteral("--url"), url, QStringLiteral("--token"), token};
        CliRun r = cli(QStringList{QStringLiteral("infer"), QStringLiteral("mlp"), QStringLiteral("--data"), m_requestFile} + remote);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(closeTo(r.json().object().value(QStringLiteral("outputs")).toArray().first().toObject()
                            .value(QStringLiteral("data")).toArray(),
                        m_expectedOutput));
        // Without a token: 401 -> exit 7.
        QCOMPARE(cli({QStringLiteral("infer"), QStringLiteral("mlp"), QStringLiteral("--data"), m_requestFile,
                      QStringLiteral("--url"), url}).exitCode, 7);

        // Live: swap and rollback through the API.
        r = cli(QStringList{QStringLiteral("swap"), QStringLiteral("mlp"), QStringLiteral("2")} + remote);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(QStringList{QStringLiteral("rollback"), QStringLiteral("mlp"), QStringLiteral("--json")} + remote);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(QStringLiteral("spec")).toObject().value(QStringLiteral("version")).toInt(), 1);

        // A definition written by another process (this CLI, no --url) is applied by the running server.
        QCOMPARE(cli({QStringLiteral("deploy"), QStringLiteral("mlp:2"), QStringLiteral("--name"), QStringLiteral("second")}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(cli(QStringList{QStringLiteral("deployments"), QStringLiteral("--json")} + remote)
                                     .out.contains(QStringLiteral("\"ready\"")) &&
                                 cli(QStringList{QStringLiteral("infer"), QStringLiteral("second"), QStringLiteral("--data"), m_requestFile} + remote)
                                         .exitCode == 0,
                                 120000);

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(60000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        out += QString::fromUtf8(server.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Stopped.")), qPrintable(out));

        // Restart: both deployments come back.
        QProcess again;
        const QString url2 = startServer(again);
        QVERIFY(!url2.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(cli({QStringLiteral("infer"), QStringLiteral("second"), QStringLiteral("--data"), m_requestFile,
                                      QStringLiteral("--url"), url2, QStringLiteral("--token"), token})
                                         .exitCode == 0,
                                 120000);
        ::kill(pid_t(again.processId()), SIGINT);
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CliServing)
#include "tst_cliserving.moc"
