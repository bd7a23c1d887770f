// `modeldesk-cli encryption status|enable|disable` and `models export --decrypt` with the real CLI,
// a real keyring (private D-Bus session), and without any keychain (the passphrase fallback); and
// kill -9 at every step of enabling and disabling: every artifact and every training run's file
// stays readable, doctor passes, and running the command again finishes the job.

#include "../../cli/clitestutil.h"
#include "../training/trainingtestdata.h"
#include "encryptiontestutil.h"
#include "privatekeyring.h"
#include "testmodels.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace ModelDesk::TestData;

namespace {

const QStringList kModels{QStringLiteral("linear.pt"), QStringLiteral("mlp.pt"), QStringLiteral("mlp_v2.pt"),
                          QStringLiteral("tuple_out.pt")};

QString modelName(const QString &file) { return QFileInfo(file).completeBaseName().replace(QLatin1Char('_'), QLatin1Char('-')); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// No D-Bus session at all: what a headless server or an SSH login without a desktop looks like.
QProcessEnvironment noKeychainEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    return env;
}

} // namespace

class tst_EncryptionCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_template;
    QTemporaryDir m_data;
    QString m_runId;        // a finished training run in the template workspace (not registered)
    QByteArray m_runModel;  // its model.pt, plaintext

    QString ws() const { return m_dir->path() + QStringLiteral("/ws"); }

    QString passphraseFile(const QByteArray &text = "a long enough passphrase\n")
    {
        const QString path = m_dir->path() + QStringLiteral("/passphrase.txt");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(text);
        return path;
    }

    CliRun cli(const QStringList &args, const QProcessEnvironment &env = {}) { return runCli(ws(), args, env); }

    QJsonObject status(const QProcessEnvironment &env = {})
    {
        const CliRun r = cli({QStringLiteral("encryption"), QStringLiteral("status"), QStringLiteral("--json")}, env);
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return r.json().object();
    }

    void importModels(const QStringList &files)
    {
        for (const QString &file : files) {
            const CliRun r = cli({QStringLiteral("models"), QStringLiteral("import"), modelPath(file), QStringLiteral("--name"),
                                  modelName(file)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    // doctor passes (it decrypts and hashes every artifact), and a model exports (decrypted where
    // needed) to exactly the bytes imported.
    void expectAllReadable(const QStringList &files, const QProcessEnvironment &env = {})
    {
        const CliRun doctor = cli({QStringLiteral("doctor"), QStringLiteral("--json")}, env);
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(doctor.json().object().value(QStringLiteral("versions")).toInt(), files.size());
        for (const QString &file : files) {
            if (file != QLatin1String("mlp.pt"))
                continue;
            const QString out = m_dir->path() + QStringLiteral("/check-") + modelName(file) + QStringLiteral(".pt");
            QFile::remove(out);
            const CliRun r = cli({QStringLiteral("models"), QStringLiteral("export"), modelName(file) + QStringLiteral(":1"),
                                  QStringLiteral("--out"), out, QStringLiteral("--decrypt")},
                                 env);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(readAll(out), readModel(file));
            QFile::remove(out);
        }
    }

    // The kill tests start from a copy of one workspace with every model imported (imports validate
    // in a child process: the slow part).
    void useTemplateWorkspace()
    {
        QDirIterator it(m_template.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = ws() + from.mid(m_template.path().size());
            QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
            QVERIFY(QFile::copy(from, to));
        }
        QCOMPARE(status().value(QStringLiteral("plaintext")).toInt(), kModels.size());
        QCOMPARE(status().value(QStringLiteral("run_files_plaintext")).toInt(), 2);
    }

    // The template's run: doctor decrypts and checks its checkpoint and model (it did above), and its
    // exported model is the same in whatever form it is.
    void expectRunReadable(const char *form)
    {
        const CliRun doctor = cli({QStringLiteral("doctor"), QStringLiteral("--json")});
        QVERIFY2(doctor.exitCode == 0, qPrintable(doctor.out + doctor.err));
        QCOMPARE(doctor.json().object().value(QStringLiteral("run_files")).toInt(), 2);
        const QJsonObject st = status();
        QCOMPARE(st.value(QStringLiteral("run_files")).toInt(), 2);
        QCOMPARE(st.value(QStringLiteral("run_files_") + QLatin1String(form)).toInt(), 2);
        const QByteArray model = readAll(ws() + QStringLiteral("/runs/") + m_runId + QStringLiteral("/model.pt"));
        if (QLatin1String(form) == QLatin1String("plaintext"))
            QCOMPARE(model, m_runModel);
        else
            QVERIFY(model.startsWith("MDKCRYPT"));
    }

    // Models with a tensor big enough to search for (linear.pt's 4x3 weights are not).
    void expectNoPlaintext(const QStringList &files)
    {
        int searched = 0;
        for (const QString &file : files) {
            const QByteArray needle = EncryptionTest::tensorNeedle(readModel(file));
            if (needle.isEmpty())
                continue;
            ++searched;
            const QStringList hits = EncryptionTest::filesContaining(ws(), needle);
            QVERIFY2(hits.isEmpty(), qPrintable(file + QStringLiteral(" in ") + hits.join(QLatin1Char(' '))));
        }
        QVERIFY(searched > 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), "MODELDESK_CLI is not set (run through ctest)");
        for (const QString &file : kModels) {
            const CliRun r = runCli(m_template.path(), {QStringLiteral("models"), QStringLiteral("import"), modelPath(file),
                                                        QStringLiteral("--name"), modelName(file)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // And a small training run, so the kill tests cover runs/<id>/ (checkpoint + model.pt).
        const QString csv = m_data.filePath(QStringLiteral("blobs.csv"));
        QVERIFY(TrainingTestData::writeFile(csv, TrainingTestData::blobsCsv(240)));
        const CliRun trained = runCli(m_template.path(), {QStringLiteral("train"), QStringLiteral("--data"), csv,
                                                          QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        m_runId = trained.json().object().value(QStringLiteral("run_id")).toString();
        QVERIFY(!m_runId.isEmpty());
        m_runModel = readAll(m_template.path() + QStringLiteral("/runs/") + m_runId + QStringLiteral("/model.pt"));
        QVERIFY(m_runModel.startsWith("PK\x03\x04"));
    }

    void init()
    {
        MODELDESK_REQUIRE_TEST_MODELS();
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), "MODELDESK_CLI is not set (run through ctest)");
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void enableExportDisable()
    {
        importModels({kModels[0], kModels[1]});
        QJsonObject st = status();
        QCOMPARE(st.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(st.value(QStringLiteral("plaintext")).toInt(), 2);
        QCOMPARE(st.value(QStringLiteral("keychain")).toObject().value(QStringLiteral("available")).toBool(), true);

        const CliRun enable = cli({QStringLiteral("encryption"), QStringLiteral("enable"), QStringLiteral("--json")});
        QVERIFY2(enable.exitCode == 0, qPrintable(enable.err));
        st = enable.json().object();
        QCOMPARE(st.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(st.value(QStringLiteral("key_source")).toString(), QStringLiteral("keychain"));
        QCOMPARE(st.value(QStringLiteral("encrypted")).toInt(), 2);
        QCOMPARE(st.value(QStringLiteral("complete")).toBool(), true);
        importModels({kModels[2]});
        QCOMPARE(status().value(QStringLiteral("encrypted")).toInt(), 3);
        expectNoPlaintext({kModels[0], kModels[1], kModels[2]});

        // Plaintext leaves only where the user says so.
        const QString out = m_dir->path() + QStringLiteral("/out.pt");
        const CliRun refused = cli({QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("mlp:1"), QStringLiteral("--out"), out});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--decrypt")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(out));
        expectAllReadable({kModels[0], kModels[1], kModels[2]});

        const CliRun text = cli({QStringLiteral("encryption"), QStringLiteral("status")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("encryption at rest: on")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("3 encrypted")), qPrintable(text.out));

        const CliRun disable = cli({QStringLiteral("encryption"), QStringLiteral("disable"), QStringLiteral("--json")});
        QVERIFY2(disable.exitCode == 0, qPrintable(disable.err));
        st = disable.json().object();
        QCOMPARE(st.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(st.value(QStringLiteral("plaintext")).toInt(), 3);
        QCOMPARE(st.value(QStringLiteral("key_set_up")).toBool(), false);
        // Plaintext workspace again: export needs no --decrypt.
        QCOMPARE(cli({QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("mlp:1"), QStringLiteral("--out"), out}).exitCode, 0);
        QCOMPARE(readAll(out), readModel(kModels[1]));

        const CliRun audit = cli({QStringLiteral("audit"), QStringLiteral("--json")});
        QVERIFY(audit.out.contains(QStringLiteral("encryption.enable")));
        QVERIFY(audit.out.contains(QStringLiteral("encryption.disable")));
    }

    // No D-Bus session: a clear "no secure store" state, enable refuses to invent a plaintext key,
    // and the passphrase fallback works end to end.
    void withoutKeychainThePassphraseWorks()
    {
        const QProcessEnvironment env = noKeychainEnv();
        QCOMPARE(runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"), modelPath(kModels[0]), QStringLiteral("--name"),
                               modelName(kModels[0])}, env).exitCode, 0);
        QJsonObject st = status(env);
        const QJsonObject keychain = st.value(QStringLiteral("keychain")).toObject();
        QCOMPARE(keychain.value(QStringLiteral("available")).toBool(), false);
        QCOMPARE(keychain.value(QStringLiteral("reason")).toString(), QStringLiteral("no-session-bus"));
        QVERIFY(keychain.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("no secure store")));

        const CliRun refused = cli({QStringLiteral("encryption"), QStringLiteral("enable")}, env);
        QCOMPARE(refused.exitCode, 8);
        QVERIFY2(refused.err.contains(QStringLiteral("no secure store")) && refused.err.contains(QStringLiteral("--passphrase-file")),
                 qPrintable(refused.err));
        QCOMPARE(status(env).value(QStringLiteral("enabled")).toBool(), false);

        const CliRun tooShort = cli({QStringLiteral("encryption"), QStringLiteral("enable"), QStringLiteral("--passphrase-file"),
                                     passphraseFile("short\n")}, env);
        QCOMPARE(tooShort.exitCode, 2);

        const CliRun enable = cli({QStringLiteral("encryption"), QStringLiteral("enable"), QStringLiteral("--passphrase-file"),
                                   passphraseFile(), QStringLiteral("--json")}, env);
        QVERIFY2(enable.exitCode == 0, qPrintable(enable.err));
        QCOMPARE(enable.json().object().value(QStringLiteral("key_source")).toString(), QStringLiteral("passphrase"));

        // Other commands read the passphrase from $MODELDESK_PASSPHRASE_FILE; without it (and no
        // terminal) they say what is missing.
        const CliRun noPass = cli({QStringLiteral("models"), QStringLiteral("import"), modelPath(kModels[1]), QStringLiteral("--name"),
                                   modelName(kModels[1])}, env);
        QCOMPARE(noPass.exitCode, 8);
        QVERIFY2(noPass.err.contains(QStringLiteral("MODELDESK_PASSPHRASE_FILE")), qPrintable(noPass.err));
        QProcessEnvironment withPass = env;
        withPass.insert(QStringLiteral("MODELDESK_PASSPHRASE_FILE"), passphraseFile());
        QCOMPARE(runCli(ws(), {QStringLiteral("models"), QStringLiteral("import"), modelPath(kModels[1]), QStringLiteral("--name"),
                               modelName(kModels[1])}, withPass).exitCode, 0);
        QCOMPARE(status(env).value(QStringLiteral("encrypted")).toInt(), 2);
        expectAllReadable({kModels[0], kModels[1]}, withPass);
        expectNoPlaintext({kModels[0], kModels[1]});

        QProcessEnvironment wrong = env;
        const QString wrongFile = m_dir->path() + QStringLiteral("/wrong.txt");
        QFile f(wrongFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not the passphrase at all");
        f.close();
        wrong.insert(QStringLiteral("MODELDESK_PASSPHRASE_FILE"), wrongFile);
        const CliRun denied = cli({QStringLiteral("models"), QStringLiteral("export"), QStringLiteral("linear:1"), QStringLiteral("--out"),
                                   m_dir->path() + QStringLiteral("/x.pt"), QStringLiteral("--decrypt")}, wrong);
        QCOMPARE(denied.exitCode, 7);
        QVERIFY2(denied.err.contains(QStringLiteral("wrong passphrase")), qPrintable(denied.err));

        const CliRun disable = cli({QStringLiteral("encryption"), QStringLiteral("disable"), QStringLiteral("--passphrase-file"),
                                    passphraseFile()}, env);
        QVERIFY2(disable.exitCode == 0, qPrintable(disable.err));
        QCOMPARE(status(env).value(QStringLiteral("plaintext")).toInt(), 2);
    }

    void killDuringEnable_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("setting committed") << QStringLiteral("encryption:enabled");
        QTest::newRow("first file staged") << QStringLiteral("encryption:staged");
        QTest::newRow("first file renamed") << QStringLiteral("encryption:renamed");
        QTest::newRow("first run file staged") << QStringLiteral("encryption:run:staged");
        QTest::newRow("first run file renamed") << QStringLiteral("encryption:run:renamed");
        QTest::newRow("half the files") << QStringLiteral("encryption:rewrite:50");
        QTest::newRow("all files") << QStringLiteral("encryption:rewrite:100");
    }
    void killDuringEnable()
    {
        QFETCH(QString, point);
        useTemplateWorkspace();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), point);
        const CliRun killed = cli({QStringLiteral("encryption"), QStringLiteral("enable")}, env);
        QCOMPARE(killed.status, QProcess::CrashExit);

        const QJsonObject st = status();
        QCOMPARE(st.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(st.value(QStringLiteral("artifacts")).toInt(), kModels.size());
        QCOMPARE(st.value(QStringLiteral("run_files")).toInt(), 2);
        expectAllReadable(kModels); // doctor checks the run's files too

        const CliRun again = cli({QStringLiteral("encryption"), QStringLiteral("enable"), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.json().object().value(QStringLiteral("encrypted")).toInt(), kModels.size());
        QCOMPARE(again.json().object().value(QStringLiteral("run_files_encrypted")).toInt(), 2);
        expectAllReadable(kModels);
        expectRunReadable("encrypted");
        const CliRun fix = cli({QStringLiteral("doctor"), QStringLiteral("--fix")}); // a staged file of the dead process
        QCOMPARE(fix.exitCode, 0);
        expectNoPlaintext(kModels);
        // Nor the run's weights (checkpoint and model.pt hold the same final weights).
        const QByteArray needle = EncryptionTest::tensorNeedle(m_runModel);
        QVERIFY(!needle.isEmpty());
        const QStringList hits = EncryptionTest::filesContaining(ws(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }

    void killDuringDisable_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("setting committed") << QStringLiteral("encryption:disabled");
        QTest::newRow("first file staged") << QStringLiteral("encryption:staged");
        QTest::newRow("first file renamed") << QStringLiteral("encryption:renamed");
        QTest::newRow("first run file staged") << QStringLiteral("encryption:run:staged");
        QTest::newRow("first run file renamed") << QStringLiteral("encryption:run:renamed");
        QTest::newRow("half the files") << QStringLiteral("encryption:rewrite:50");
        QTest::newRow("all files") << QStringLiteral("encryption:rewrite:100");
    }
    void killDuringDisable()
    {
        QFETCH(QString, point);
        useTemplateWorkspace();
        QCOMPARE(cli({QStringLiteral("encryption"), QStringLiteral("enable")}).exitCode, 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MODELDESK_FAULT_POINT"), point);
        const CliRun killed = cli({QStringLiteral("encryption"), QStringLiteral("disable")}, env);
        QCOMPARE(killed.status, QProcess::CrashExit);

        const QJsonObject st = status();
        QCOMPARE(st.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(st.value(QStringLiteral("key_set_up")).toBool(), true); // still needed, not forgotten
        QCOMPARE(st.value(QStringLiteral("run_files")).toInt(), 2);
        expectAllReadable(kModels); // doctor checks the run's files too

        const CliRun again = cli({QStringLiteral("encryption"), QStringLiteral("disable"), QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.json().object().value(QStringLiteral("plaintext")).toInt(), kModels.size());
        QCOMPARE(again.json().object().value(QStringLiteral("key_set_up")).toBool(), false);
        expectAllReadable(kModels);
        expectRunReadable("plaintext");
    }
};

int main(int argc, char **argv)
{
    TestKeyring::enterPrivateSession(argc, argv);
    QCoreApplication app(argc, argv);
    tst_EncryptionCli tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_encryptioncli.moc"
