#pragma once
// Runs the real modeldesk-cli as a child process for tests.

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

struct CliRun
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::NormalExit;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

inline QString cliPath() { return qEnvironmentVariable("MODELDESK_CLI"); }
inline QString testModel(const QString &file) { return qEnvironmentVariable("MODELDESK_TEST_MODELS") + QLatin1Char('/') + file; }

inline CliRun runCli(const QString &workspace, const QStringList &args, const QProcessEnvironment &env = {},
                     int timeoutMs = 120000)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    QStringList full{QStringLiteral("--workspace"), workspace};
    full << args;
    p.start(cliPath(), full);
    CliRun r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start %1").arg(cliPath());
        return r;
    }
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

#define REQUIRE_TEST_MODELS()                                                                                          \
    do {                                                                                                               \
        if (!QFile::exists(testModel(QStringLiteral("mlp.pt"))))                                                       \
            QSKIP("test TorchScript files missing: /usr/bin/python3 with torch (python3-torch) makes them");           \
    } while (0)
