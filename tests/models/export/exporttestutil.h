#pragma once
// Helpers of the export and TorchServe-import tests: YAML through python3-yaml, TorchServe archives
// through make_mar.py (Python's zipfile, as torch-model-archiver uses), a catalog on a temp workspace.

#include "registry/modelcatalog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace ModelDesk::ExportTest {

// For QVERIFY2(result, errorText(result)): QVERIFY2 evaluates its message even on success, and
// error() of a successful Result is undefined.
template <typename T> const char *errorText(const Result<T> &r)
{
    static thread_local QByteArray text;
    text = r ? QByteArray() : r.error().message.toLocal8Bit();
    return text.constData();
}

inline QString python()
{
    return QStringLiteral("/usr/bin/python3");
}

struct ScriptRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

inline ScriptRun runPython(const QStringList &args)
{
    QProcess p;
    p.start(python(), args);
    ScriptRun r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start %1").arg(python());
        return r;
    }
    p.waitForFinished(60000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The YAML documents of `file` as JSON values; empty + *why on a parse error.
inline QJsonArray yamlDocuments(const QString &file, QString *why)
{
    const ScriptRun r = runPython({qEnvironmentVariable("MODELDESK_YAML2JSON"), file});
    if (r.exitCode != 0) {
        *why = r.err.trimmed();
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (!doc.isArray())
        *why = QStringLiteral("yamltojson printed no JSON array: %1").arg(error.errorString());
    return doc.array();
}

inline QJsonArray yamlText(const QString &text, const QString &dir, QString *why)
{
    const QString path = dir + QStringLiteral("/doc.yaml");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *why = QStringLiteral("cannot write %1").arg(path);
        return {};
    }
    f.write(text.toUtf8());
    f.close();
    return yamlDocuments(path, why);
}

// make_mar.py OUT --serialized FILE [args...]; QVERIFY-friendly: returns the error text or empty.
inline QString makeMar(const QString &out, const QString &serialized, const QStringList &args = {})
{
    QStringList all{qEnvironmentVariable("MODELDESK_MAKE_MAR"), out, QStringLiteral("--serialized"),
                    serialized};
    all << args;
    const ScriptRun r = runPython(all);
    return r.exitCode == 0 ? QString() : QStringLiteral("make_mar.py failed: %1").arg(r.err);
}

inline QString sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

inline std::unique_ptr<Registry::ModelCatalog> openCatalog(const QString &dir)
{
    auto ws = Workspace::open(dir);
    if (!ws) {
        qWarning() << "workspace:" << ws.error().message;
        return {};
    }
    // Validation in-process: the test files are trusted, and the test needs no CLI binary.
    auto catalog = Registry::ModelCatalog::open(*ws, {});
    if (!catalog) {
        qWarning() << "catalog:" << catalog.error().message;
        return {};
    }
    return std::move(*catalog);
}

} // namespace ModelDesk::ExportTest
