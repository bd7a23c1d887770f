// The headless-service files agree with each other and with the server: the Kubernetes manifests
// (parsed as YAML), the Dockerfile, the systemd unit and its settings, the desktop entry, the
// AppStream metainfo, the icons and the man pages. They cannot run here (no Docker, no cluster, no
// systemd as PID 1), so this is a structural check plus the validators Debian ships.

#include "packagingtestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk::PackagingTest;

namespace {

// The server's default port (`modeldesk-cli serve`): the number every file below must agree on.
constexpr int kPort = 8080;
const QString kWorkspace = QStringLiteral("/var/lib/modeldesk");
const QString kImageUid = QStringLiteral("10001");

QString sourceDir()
{
    return QStringLiteral(MODELDESK_SOURCE_DIR);
}
QString packagingBuildDir()
{
    return QStringLiteral(MODELDESK_PACKAGING_BUILD_DIR);
}

QJsonObject findKind(const QJsonArray &docs, const QString &kind)
{
    for (const QJsonValue &d : docs) {
        if (d.toObject().value(QStringLiteral("kind")).toString() == kind)
            return d.toObject();
    }
    return {};
}

QJsonObject path(const QJsonObject &o, const QStringList &keys)
{
    QJsonObject cur = o;
    for (const QString &k : keys)
        cur = cur.value(k).toObject();
    return cur;
}

// Dockerfile instructions with continuation lines joined and comments dropped.
QStringList dockerInstructions(const QString &text)
{
    QStringList out;
    QString current;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1Char('#')) || (line.isEmpty() && current.isEmpty()))
            continue;
        if (line.endsWith(QLatin1Char('\\'))) {
            current += line.chopped(1) + QLatin1Char(' ');
            continue;
        }
        current += line;
        if (!current.trimmed().isEmpty())
            out << current.simplified();
        current.clear();
    }
    return out;
}

// key=value lines of one [Section] of a unit file (repeated keys: the last wins).
QMap<QString, QString> unitSection(const QString &text, const QString &section)
{
    QMap<QString, QString> values;
    bool inside = false;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1Char('[')))
            inside = line == QLatin1Char('[') + section + QLatin1Char(']');
        else if (inside && !line.startsWith(QLatin1Char('#')) && line.contains(QLatin1Char('=')))
            values.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    }
    return values;
}

QString gunzip(const QString &file)
{
    const ToolRun r = runTool(QStringLiteral("gzip"), {QStringLiteral("-dc"), file});
    return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
}

} // namespace

class tst_ServiceFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kubernetesManifests();
    void dockerfile();
    void systemdUnit();
    void systemdVerify();
    void desktopEntryAndMetainfo();
    void icons();
    void manPages();
    void serverDefaults();

private:
    QJsonArray kubernetesDocuments();
};

QJsonArray tst_ServiceFiles::kubernetesDocuments()
{
    QStringList files;
    for (const char *name : {"deployment.yaml", "service.yaml", "pvc.yaml", "kustomization.yaml"})
        files << sourceDir() + QStringLiteral("/packaging/kubernetes/") + QLatin1String(name);
    QStringList args{qEnvironmentVariable("MODELDESK_YAML2JSON")};
    args << files;
    const ToolRun r = runTool(QStringLiteral("/usr/bin/python3"), args);
    if (r.exitCode != 0)
        qWarning().noquote() << "yamltojson:" << r.err;
    return QJsonDocument::fromJson(r.out).array();
}

void tst_ServiceFiles::kubernetesManifests()
{
    const QJsonArray docs = kubernetesDocuments();
    QCOMPARE(docs.size(), 4);
    const QJsonObject deployment = findKind(docs, QStringLiteral("Deployment"));
    const QJsonObject service = findKind(docs, QStringLiteral("Service"));
    const QJsonObject pvc = findKind(docs, QStringLiteral("PersistentVolumeClaim"));
    const QJsonObject kustomization = findKind(docs, QStringLiteral("Kustomization"));
    QVERIFY(!deployment.isEmpty() && !service.isEmpty() && !pvc.isEmpty() && !kustomization.isEmpty());

    // One replica on a ReadWriteOnce workspace, replaced (not rolled) on update.
    const QJsonObject spec = deployment.value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("replicas")).toInt(), 1);
    QCOMPARE(path(spec, {QStringLiteral("strategy")}).value(QStringLiteral("type")).toString(),
             QStringLiteral("Recreate"));
    const QJsonObject pod = path(spec, {QStringLiteral("template")});
    const QJsonObject podLabels = path(pod, {QStringLiteral("metadata"), QStringLiteral("labels")});
    QCOMPARE(path(spec, {QStringLiteral("selector"), QStringLiteral("matchLabels")}), podLabels);

    // Prometheus scrapes the server's own port and path.
    const QJsonObject annotations = path(pod, {QStringLiteral("metadata"), QStringLiteral("annotations")});
    QCOMPARE(annotations.value(QStringLiteral("prometheus.io/scrape")).toString(), QStringLiteral("true"));
    QCOMPARE(annotations.value(QStringLiteral("prometheus.io/port")).toString(), QString::number(kPort));
    QCOMPARE(annotations.value(QStringLiteral("prometheus.io/path")).toString(), QStringLiteral("/metrics"));

    const QJsonObject podSpec = pod.value(QStringLiteral("spec")).toObject();
    const QJsonObject podSecurity = podSpec.value(QStringLiteral("securityContext")).toObject();
    QCOMPARE(podSecurity.value(QStringLiteral("runAsNonRoot")).toBool(), true);
    QCOMPARE(QString::number(podSecurity.value(QStringLiteral("runAsUser")).toInt()), kImageUid);
    const QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
    QCOMPARE(containers.size(), 1);
    const QJsonObject c = containers.first().toObject();
    QCOMPARE(c.value(QStringLiteral("image")).toString(), QStringLiteral("modeldesk:" MODELDESK_VERSION));

    // The server listens where the port, the probes and the Service point.
    QStringList args;
    for (const QJsonValue &a : c.value(QStringLiteral("args")).toArray())
        args << a.toString();
    QCOMPARE(args.value(0), QStringLiteral("serve"));
    QCOMPARE(args.value(args.indexOf(QStringLiteral("--port")) + 1), QString::number(kPort));
    QCOMPARE(args.value(args.indexOf(QStringLiteral("--host")) + 1), QStringLiteral("0.0.0.0"));
    const QJsonObject port = c.value(QStringLiteral("ports")).toArray().first().toObject();
    QCOMPARE(port.value(QStringLiteral("name")).toString(), QStringLiteral("http"));
    QCOMPARE(port.value(QStringLiteral("containerPort")).toInt(), kPort);
    auto probe = [&c](const char *name) { return path(c, {QLatin1String(name), QStringLiteral("httpGet")}); };
    QCOMPARE(probe("readinessProbe").value(QStringLiteral("path")).toString(),
             QStringLiteral("/v2/health/ready"));
    QCOMPARE(probe("livenessProbe").value(QStringLiteral("path")).toString(),
             QStringLiteral("/v2/health/live"));
    QCOMPARE(probe("startupProbe").value(QStringLiteral("path")).toString(),
             QStringLiteral("/v2/health/live"));
    for (const char *name : {"readinessProbe", "livenessProbe", "startupProbe"})
        QCOMPARE(probe(name).value(QStringLiteral("port")).toString(), QStringLiteral("http"));

    const QJsonObject resources = c.value(QStringLiteral("resources")).toObject();
    QVERIFY(path(resources, {QStringLiteral("requests")}).contains(QStringLiteral("cpu")));
    QVERIFY(path(resources, {QStringLiteral("requests")}).contains(QStringLiteral("memory")));
    QVERIFY(path(resources, {QStringLiteral("limits")}).contains(QStringLiteral("memory")));
    const QJsonObject containerSecurity = c.value(QStringLiteral("securityContext")).toObject();
    QCOMPARE(containerSecurity.value(QStringLiteral("allowPrivilegeEscalation")).toBool(true), false);
    QCOMPARE(containerSecurity.value(QStringLiteral("readOnlyRootFilesystem")).toBool(), true);

    // The workspace volume is the claim, mounted where the server keeps its workspace.
    QString workspaceVolume;
    for (const QJsonValue &m : c.value(QStringLiteral("volumeMounts")).toArray()) {
        if (m.toObject().value(QStringLiteral("mountPath")).toString() == kWorkspace)
            workspaceVolume = m.toObject().value(QStringLiteral("name")).toString();
    }
    QVERIFY(!workspaceVolume.isEmpty());
    QString claim;
    for (const QJsonValue &v : podSpec.value(QStringLiteral("volumes")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == workspaceVolume)
            claim = path(v.toObject(), {QStringLiteral("persistentVolumeClaim")})
                        .value(QStringLiteral("claimName"))
                        .toString();
    }
    QCOMPARE(claim, path(pvc, {QStringLiteral("metadata")}).value(QStringLiteral("name")).toString());
    QCOMPARE(path(pvc, {QStringLiteral("spec")}).value(QStringLiteral("accessModes")).toArray(),
             QJsonArray{QStringLiteral("ReadWriteOnce")});

    // The Service selects the pods and forwards to the named port.
    const QJsonObject serviceSpec = service.value(QStringLiteral("spec")).toObject();
    QCOMPARE(serviceSpec.value(QStringLiteral("selector")).toObject(), podLabels);
    const QJsonObject servicePort = serviceSpec.value(QStringLiteral("ports")).toArray().first().toObject();
    QCOMPARE(servicePort.value(QStringLiteral("targetPort")).toString(), QStringLiteral("http"));
    QCOMPARE(servicePort.value(QStringLiteral("port")).toInt(), kPort);

    // kustomize applies exactly these files, with the image tag of this version.
    QCOMPARE(kustomization.value(QStringLiteral("resources")).toArray(),
             (QJsonArray{QStringLiteral("pvc.yaml"), QStringLiteral("deployment.yaml"),
                         QStringLiteral("service.yaml")}));
    const QJsonObject image = kustomization.value(QStringLiteral("images")).toArray().first().toObject();
    QCOMPARE(image.value(QStringLiteral("name")).toString(), QStringLiteral("modeldesk"));
    QCOMPARE(image.value(QStringLiteral("newTag")).toString(), QStringLiteral(MODELDESK_VERSION));
}

void tst_ServiceFiles::dockerfile()
{
    const QString text =
        QString::fromUtf8(readFile(sourceDir() + QStringLiteral("/packaging/container/Dockerfile")));
    QVERIFY(!text.isEmpty());
    const QStringList lines = dockerInstructions(text);
    QString user, expose, volume, healthcheck, entrypoint, cmd;
    int froms = 0;
    for (const QString &line : lines) {
        const QString word = line.section(QLatin1Char(' '), 0, 0).toUpper();
        const QString rest = line.section(QLatin1Char(' '), 1);
        if (word == QLatin1String("FROM")) {
            ++froms;
            QVERIFY2(rest.startsWith(QStringLiteral("debian:${DEBIAN_RELEASE}")), qPrintable(line));
        } else if (word == QLatin1String("ARG") && rest.startsWith(QStringLiteral("DEBIAN_RELEASE="))) {
            QCOMPARE(rest, QStringLiteral("DEBIAN_RELEASE=bookworm"));
        } else if (word == QLatin1String("RUN")) {
            // Debian packages only: no downloads besides apt, no other package managers.
            for (const char *forbidden :
                 {"http://", "https://", "wget", "curl -", "pip ", "npm ", "git clone"})
                QVERIFY2(!rest.contains(QLatin1String(forbidden)), qPrintable(line));
            if (rest.contains(QStringLiteral("apt-get install")))
                QVERIFY2(rest.contains(QStringLiteral("--no-install-recommends")), qPrintable(line));
        } else if (word == QLatin1String("USER")) {
            user = rest;
        } else if (word == QLatin1String("EXPOSE")) {
            expose = rest;
        } else if (word == QLatin1String("VOLUME")) {
            volume = rest;
        } else if (word == QLatin1String("HEALTHCHECK")) {
            healthcheck = rest;
        } else if (word == QLatin1String("ENTRYPOINT")) {
            entrypoint = rest;
        } else if (word == QLatin1String("CMD")) {
            cmd = rest;
        }
    }
    QCOMPARE(froms, 2);
    QVERIFY2(!user.isEmpty() && !user.startsWith(QStringLiteral("root")) &&
                 !user.startsWith(QLatin1Char('0')),
             qPrintable(user));
    QVERIFY2(text.contains(QStringLiteral("--uid ") + kImageUid),
             "the image user's uid must match the Kubernetes runAsUser");
    QCOMPARE(expose, QString::number(kPort));
    QVERIFY2(volume.contains(kWorkspace), qPrintable(volume));
    QVERIFY2(healthcheck.contains(QStringLiteral("http://127.0.0.1:%1/v2/health/ready").arg(kPort)),
             qPrintable(healthcheck));
    const QJsonArray ep = QJsonDocument::fromJson(entrypoint.toUtf8()).array();
    const QJsonArray command = QJsonDocument::fromJson(cmd.toUtf8()).array();
    QCOMPARE(ep, (QJsonArray{QStringLiteral("modeldesk-cli"), QStringLiteral("--workspace"), kWorkspace}));
    QCOMPARE(command,
             (QJsonArray{QStringLiteral("serve"), QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
                         QStringLiteral("--port"), QString::number(kPort)}));
    // Build folders and .git stay out of the build context.
    const QString ignore = QString::fromUtf8(
        readFile(sourceDir() + QStringLiteral("/packaging/container/Dockerfile.dockerignore")));
    QVERIFY(ignore.contains(QStringLiteral("\nbuild-*")) && ignore.contains(QStringLiteral("\n.git")));
}

void tst_ServiceFiles::systemdUnit()
{
    const QString unit =
        QString::fromUtf8(readFile(packagingBuildDir() + QStringLiteral("/modeldesk.service")));
    QVERIFY2(!unit.isEmpty(), "configure the build: packaging/CMakeLists.txt writes modeldesk.service");
    const auto s = unitSection(unit, QStringLiteral("Service"));
    QCOMPARE(s.value(QStringLiteral("User")), QStringLiteral("modeldesk"));
    QCOMPARE(s.value(QStringLiteral("Group")), QStringLiteral("modeldesk"));
    QCOMPARE(s.value(QStringLiteral("StateDirectory")), QStringLiteral("modeldesk"));
    QCOMPARE(s.value(QStringLiteral("EnvironmentFile")), QStringLiteral("/etc/modeldesk/modeldesk.conf"));
    QVERIFY2(s.value(QStringLiteral("ExecStart"))
                 .startsWith(QStringLiteral("/usr/bin/modeldesk-cli --workspace ") + kWorkspace +
                             QStringLiteral(" serve --host ${MODELDESK_HOST} --port ${MODELDESK_PORT}")),
             qPrintable(s.value(QStringLiteral("ExecStart"))));
    for (const auto &[key, value] : QList<QPair<QString, QString>>{
             {QStringLiteral("NoNewPrivileges"), QStringLiteral("yes")},
             {QStringLiteral("ProtectSystem"), QStringLiteral("strict")},
             {QStringLiteral("ProtectHome"), QStringLiteral("yes")},
             {QStringLiteral("PrivateTmp"), QStringLiteral("yes")},
             {QStringLiteral("PrivateDevices"), QStringLiteral("yes")},
             {QStringLiteral("CapabilityBoundingSet"), QString()},
             {QStringLiteral("RestrictAddressFamilies"), QStringLiteral("AF_UNIX AF_INET AF_INET6")}}) {
        QVERIFY2(s.contains(key), qPrintable(key));
        QCOMPARE(s.value(key), value);
    }
    QCOMPARE(unitSection(unit, QStringLiteral("Install")).value(QStringLiteral("WantedBy")),
             QStringLiteral("multi-user.target"));

    // The settings file: loopback by default, the server's port.
    const QString conf =
        QString::fromUtf8(readFile(sourceDir() + QStringLiteral("/packaging/systemd/modeldesk.conf")));
    const auto settings = unitSection(QStringLiteral("[x]\n") + conf, QStringLiteral("x"));
    QCOMPARE(settings.value(QStringLiteral("MODELDESK_HOST")), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.value(QStringLiteral("MODELDESK_PORT")), QString::number(kPort));
    QVERIFY(settings.contains(QStringLiteral("MODELDESK_SERVE_ARGS")));
}

void tst_ServiceFiles::systemdVerify()
{
    const QString analyze = tool(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty())
        QSKIP("systemd-analyze not installed (package systemd)");
    // The unit as installed, pointed at the built program and the source settings file.
    QTemporaryDir dir;
    QString unit = QString::fromUtf8(readFile(packagingBuildDir() + QStringLiteral("/modeldesk.service")));
    unit.replace(QStringLiteral("/usr/bin/modeldesk-cli"), qEnvironmentVariable("MODELDESK_CLI"));
    unit.replace(QStringLiteral("/etc/modeldesk/modeldesk.conf"),
                 sourceDir() + QStringLiteral("/packaging/systemd/modeldesk.conf"));
    const QString file = dir.filePath(QStringLiteral("modeldesk.service"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(unit.toUtf8());
    out.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANPATH"),
               packagingBuildDir() + QStringLiteral("/man")); // Documentation=man:modeldesk-cli(1)
    const ToolRun verify = runTool(analyze, {QStringLiteral("verify"), file}, dir.path(), env);
    QVERIFY2(verify.exitCode == 0 && !verify.err.contains(QStringLiteral("modeldesk.service")),
             qPrintable(verify.err));

    // systemd's own exposure score (0 = locked down, 10 = unprotected): the hardening must show.
    const ToolRun security = runTool(
        analyze, {QStringLiteral("security"), QStringLiteral("--offline=yes"), file}, dir.path(), env);
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Overall exposure level for modeldesk.service: ([0-9.]+)"))
            .match(QString::fromUtf8(security.out) + security.err);
    QVERIFY2(m.hasMatch(), qPrintable(security.err));
    const double exposure = m.captured(1).toDouble();
    qInfo("systemd-analyze security exposure: %.1f", exposure);
    QVERIFY2(exposure <= 2.5, qPrintable(m.captured(0)));
}

void tst_ServiceFiles::desktopEntryAndMetainfo()
{
    const QString desktop = sourceDir() + QStringLiteral("/resources/modeldesk.desktop");
    const auto entry = unitSection(QString::fromUtf8(readFile(desktop)), QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Icon")), QStringLiteral("modeldesk"));
    QVERIFY(entry.value(QStringLiteral("Exec")).startsWith(QStringLiteral("modeldesk ")));
    QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));

    const QString metainfoPath = packagingBuildDir() + QStringLiteral("/io.modeldesk.ModelDesk.metainfo.xml");
    const QString metainfo = QString::fromUtf8(readFile(metainfoPath));
    QVERIFY(
        metainfo.contains(QStringLiteral("<launchable type=\"desktop-id\">modeldesk.desktop</launchable>")));
    QVERIFY(metainfo.contains(QStringLiteral("<binary>modeldesk-cli</binary>")));
    QVERIFY(metainfo.contains(QStringLiteral("<release version=\"" MODELDESK_VERSION "\" date=\"")));
    QVERIFY(!metainfo.contains(QLatin1Char('@'))); // every @VAR@ was configured

    const QString desktopValidate = tool(QStringLiteral("desktop-file-validate"));
    if (!desktopValidate.isEmpty()) {
        const ToolRun r = runTool(desktopValidate, {desktop});
        QVERIFY2(r.exitCode == 0 && !r.out.contains("error"), r.out.constData());
    }
    const QString appstream = tool(QStringLiteral("appstreamcli"));
    if (appstream.isEmpty())
        QSKIP("appstreamcli not installed (package appstream)");
    const ToolRun r =
        runTool(appstream, {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfoPath});
    QVERIFY2(r.exitCode == 0, r.out.constData());
}

void tst_ServiceFiles::icons()
{
    const QString svg =
        QString::fromUtf8(readFile(sourceDir() + QStringLiteral("/resources/icons/modeldesk.svg")));
    QVERIFY(svg.contains(QStringLiteral("<svg")));
    const QString dir = packagingBuildDir() + QStringLiteral("/icons");
    if (!QFileInfo::exists(dir))
        QSKIP("no PNG icons rendered (needs rsvg-convert from librsvg2-bin, or ImageMagick)");
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        const QString png = QStringLiteral("%1/%2x%2/modeldesk.png").arg(dir).arg(size);
        QCOMPARE(pngSize(readFile(png)), qMakePair(size, size));
    }
}

void tst_ServiceFiles::manPages()
{
    const QString cliPage = gunzip(packagingBuildDir() + QStringLiteral("/man/man1/modeldesk-cli.1.gz"));
    const QString guiPage = gunzip(packagingBuildDir() + QStringLiteral("/man/man1/modeldesk.1.gz"));
    QVERIFY(cliPage.startsWith(QStringLiteral(".\\\"")) &&
            cliPage.contains(QStringLiteral(".TH MODELDESK-CLI 1")));
    QVERIFY(guiPage.contains(QStringLiteral(".TH MODELDESK 1")));
    QVERIFY(!cliPage.contains(QStringLiteral("@MODELDESK")) &&
            !guiPage.contains(QStringLiteral("@MODELDESK")));

    // Every command the program lists is in the page (the page's list is generated from --help).
    const ToolRun help = runTool(qEnvironmentVariable("MODELDESK_CLI"), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString helpText = QString::fromUtf8(help.out);
    const QString commands =
        helpText.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    int count = 0;
    for (const QString &line : commands.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString name = line.trimmed().section(QLatin1Char(' '), 0, 0);
        name.replace(QLatin1Char('-'), QStringLiteral("\\-"));
        QVERIFY2(cliPage.contains(QStringLiteral(".B ") + name + QLatin1Char('\n')), qPrintable(name));
        ++count;
    }
    QVERIFY(count >= 4);

    // groff renders both pages without a warning.
    const QString man = tool(QStringLiteral("man"));
    if (man.isEmpty())
        QSKIP("man not installed");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    for (const char *page : {"modeldesk-cli.1.gz", "modeldesk.1.gz"}) {
        const ToolRun r = runTool(man,
                                  {QStringLiteral("--warnings"), QStringLiteral("-l"),
                                   packagingBuildDir() + QStringLiteral("/man/man1/") + QLatin1String(page)},
                                  {}, env);
        QVERIFY2(r.exitCode == 0 && r.err.trimmed().isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.contains("NAME"));
    }
}

void tst_ServiceFiles::serverDefaults()
{
    // When the serve command is there, its defaults must be what the files above assume.
    const ToolRun r =
        runTool(qEnvironmentVariable("MODELDESK_CLI"), {QStringLiteral("serve"), QStringLiteral("--help")});
    if (r.exitCode != 0)
        QSKIP("modeldesk-cli has no serve command in this build");
    const QString help = QString::fromUtf8(r.out);
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        const QRegularExpressionMatch number =
            QRegularExpression(QStringLiteral("default:? *([0-9]+)")).match(t);
        if (t.startsWith(QStringLiteral("--port")) && number.hasMatch())
            QCOMPARE(number.captured(1).toInt(), kPort);
        if (t.startsWith(QStringLiteral("--host")) && t.contains(QStringLiteral("default")))
            QVERIFY2(t.contains(QStringLiteral("127.0.0.1")), qPrintable(t));
    }
    QVERIFY(help.contains(QStringLiteral("--port")));
    QVERIFY(help.contains(QStringLiteral("--host")));
}

QTEST_GUILESS_MAIN(tst_ServiceFiles)
#include "tst_servicefiles.moc"
