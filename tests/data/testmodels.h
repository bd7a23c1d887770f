#pragma once
// Where the Python-made TorchScript test models live (CMake target modeldesk_test_models, written by
// tests/data/make_models.py) and how a test skips when they could not be made (no torch for
// /usr/bin/python3). Header-only; a test that uses it adds add_dependencies(<test> modeldesk_test_models).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

namespace ModelDesk::TestData {

// $MODELDESK_TEST_MODELS (set by ctest), else the folder compiled in (running the binary by hand).
inline QString modelsDir()
{
    const QString env = qEnvironmentVariable("MODELDESK_TEST_MODELS");
    if (!env.isEmpty())
        return env;
#ifdef MODELDESK_TEST_MODELS_DIR
    return QStringLiteral(MODELDESK_TEST_MODELS_DIR);
#else
    return {};
#endif
}

inline QString modelPath(const QString &name) { return modelsDir() + QLatin1Char('/') + name; }

// Empty when the models are there; otherwise why not (the marker file's text when torch was missing).
inline QString modelsUnavailableReason()
{
    const QString dir = modelsDir();
    if (dir.isEmpty())
        return QStringLiteral("MODELDESK_TEST_MODELS is not set");
    QFile marker(dir + QStringLiteral("/UNAVAILABLE.txt"));
    if (marker.open(QIODevice::ReadOnly))
        return QString::fromUtf8(marker.readAll()).trimmed();
    if (!QFile::exists(dir + QStringLiteral("/mlp.pt")))
        return QStringLiteral("test models missing in %1: build the target modeldesk_test_models").arg(dir);
    return {};
}

inline QByteArray readModel(const QString &name)
{
    QFile f(modelPath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace ModelDesk::TestData

// Skips the current test function when the models could not be generated.
#define MODELDESK_REQUIRE_TEST_MODELS()                                                          \
    do {                                                                                         \
        const QString modelDeskWhy = ModelDesk::TestData::modelsUnavailableReason();             \
        if (!modelDeskWhy.isEmpty())                                                             \
            QSKIP(qPrintable(modelDeskWhy));                                                     \
    } while (false)
