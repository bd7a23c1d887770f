#pragma once
// UiTestFixture: the world every console ui test starts from — a QTemporaryDir holding a workspace
// with a real ModelCatalog (SQLite), a QSettings file of its own, a CatalogClient and a ServingHost
// (history in memory, HTTP on 127.0.0.1 port 0), plus imports "as the CLI would" of the
// Python-made TorchScript test models. Header-only; used by every tests/ui test that needs a catalog.
//
// Failures are returned as false with the reason logged (qWarning), so a test writes
// QVERIFY(fx.open()) and sees why. Tear-down order matters: destroy the pages and windows that
// use the client and the host first, then call reset() (client, host, catalog, settings, folder).

#include "catalogclient.h"
#include "testmodels.h"

#include "core/workspace.h"
#include "registry/modelcatalog.h"
#include "serving/servinghost.h"

#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace ModelDesk::TestUi {

class UiTestFixture
{
public:
    struct Options
    {
        // Validate imports in a child `modeldesk-cli validate-artifact` ($MODELDESK_CLI) as the
        // console does; false validates in-process (faster, trusted test files).
        bool childValidator = false;
        QString actor = QStringLiteral("tester");
        int pollIntervalMs = 1000;          // the client's change polling; 0 = off
        bool watchOtherProcesses = true;    // the host follows deployments made by other processes
        bool persistDeployments = true;     // the runtime writes its deployment definitions
        bool startHost = true;              // false: the host is built but not started (no monitoring)
    };

    UiTestFixture() = default;
    ~UiTestFixture() { reset(); }
    UiTestFixture(const UiTestFixture &) = delete;
    UiTestFixture &operator=(const UiTestFixture &) = delete;

    // The folder, the settings file and the catalog (no client, no host yet: imports made now are
    // what the pages find at their first snapshot).
    [[nodiscard]] bool open() { return open(Options()); }
    [[nodiscard]] bool open(const Options &options)
    {
        reset();
        m_options = options;
        dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid())
            return failed(QStringLiteral("no temporary folder: %1").arg(dir->errorString()));
        settings = std::make_unique<QSettings>(dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        catalog = openCatalog();
        return catalog != nullptr;
    }

    // A second catalog on the same workspace: another process, as the CLI would be.
    std::unique_ptr<Registry::ModelCatalog> openCatalog() const
    {
        auto ws = Workspace::open(workspacePath());
        if (!ws) {
            qWarning("workspace: %s", qPrintable(ws.error().message));
            return nullptr;
        }
        Registry::CatalogOptions options;
        const QString cli = qEnvironmentVariable("MODELDESK_CLI");
        if (m_options.childValidator && !cli.isEmpty() && QFileInfo(cli).isExecutable())
            options.validatorExecutable = cli;
        auto opened = Registry::ModelCatalog::open(*ws, options);
        if (!opened) {
            qWarning("catalog: %s", qPrintable(opened.error().message));
            return nullptr;
        }
        return std::move(*opened);
    }

    QString workspacePath() const { return dir ? dir->filePath(QStringLiteral("workspace")) : QString(); }
    Registry::ModelRegistry &registry() const { return catalog->registry(); }

    // Imports a test model file (TestData::modelPath) as a new version of `model`, as the CLI would.
    [[nodiscard]] bool importModel(const QString &file, const QString &model, VersionInfo *out = nullptr,
                                   const QString &actor = QStringLiteral("cli-user"))
    {
        return importModel(*catalog, file, model, out, actor);
    }
    [[nodiscard]] static bool importModel(Registry::ModelCatalog &into, const QString &file, const QString &model,
                                          VersionInfo *out = nullptr, const QString &actor = QStringLiteral("cli-user"))
    {
        Registry::ImportRequest request;
        request.sourcePath = TestData::modelPath(file);
        request.model = model;
        auto v = into.importFile(request, actor);
        if (!v) {
            qWarning("import %s: %s", qPrintable(file), qPrintable(v.error().message));
            return false;
        }
        if (out)
            *out = *v;
        return true;
    }

    // The client and the host, started (monitoring, restored deployments); the HTTP port too when
    // `withServer`. `hostOptions` may adjust the defaults given here before the host is built.
    [[nodiscard]] bool startServices(bool withServer = false,
                                     const std::function<void(Serving::ServingHostOptions &)> &hostOptions = {})
    {
        if (!catalog)
            return failed(QStringLiteral("open() first"));
        client = std::make_unique<CatalogClient>(*catalog, m_options.actor, m_options.pollIntervalMs);
        Serving::ServingHostOptions serving;
        serving.persistHistory = false;
        serving.server.http.port = 0;
        serving.watchOtherProcesses = m_options.watchOtherProcesses;
        serving.runtime.persist = m_options.persistDeployments;
        if (hostOptions)
            hostOptions(serving);
        host = std::make_unique<Serving::ServingHost>(*catalog, serving);
        if (m_options.startHost) {
            for (const QString &warning : host->start())
                qWarning("serving host: %s", qPrintable(warning));
        }
        if (withServer) {
            if (auto ok = host->startServer(); !ok)
                return failed(QStringLiteral("server: %1").arg(ok.error().message));
        }
        return true;
    }

    // Reverse order of construction: the client (its worker) and the host before the catalog.
    void reset()
    {
        if (client)
            client->shutdown();
        client.reset();
        if (host)
            host->shutdown();
        host.reset();
        catalog.reset();
        settings.reset();
        dir.reset();
    }

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<Registry::ModelCatalog> catalog;
    std::unique_ptr<CatalogClient> client;
    std::unique_ptr<Serving::ServingHost> host;

private:
    static bool failed(const QString &why)
    {
        qWarning("ui test fixture: %s", qPrintable(why));
        return false;
    }

    Options m_options;
};

} // namespace ModelDesk::TestUi
