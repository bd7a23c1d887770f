// Builds the Debian package from this build tree with CPack (the same CPackConfig that
// packaging/build-deb.sh uses) and inspects it: control fields and dependencies, the file list,
// maintainer scripts, the programs it holds (they start, carry no RPATH or debug sections, the GUI
// carries its translations), the validators Debian ships (appstreamcli, desktop-file-validate,
// lintian) and apt's own dependency resolution (`apt-get install --simulate ./modeldesk_*.deb`).
// Label "packaging"; about 30 s here (cpack strips and xz-compresses the programs).

#include "packagingtestutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ModelDesk::PackagingTest;

class tst_DebPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFields();
    void fileList();
    void maintainerScripts();
    void programs();
    void validators();
    void aptAcceptsIt();

private:
    QString field(const QString &name) const;
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;    // dpkg-deb -x
    QString m_control; // dpkg-deb -e
};

void tst_DebPackage::initTestCase()
{
    if (tool(QStringLiteral("dpkg-deb")).isEmpty() || tool(QStringLiteral("cpack")).isEmpty())
        QSKIP("dpkg-deb or cpack missing");
    const QString out = m_dir.filePath(QStringLiteral("out"));
    const ToolRun cpack =
        runTool(tool(QStringLiteral("cpack")),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out,
                 QStringLiteral("--config"), QStringLiteral(MODELDESK_BINARY_DIR "/CPackConfig.cmake")},
                QStringLiteral(MODELDESK_BINARY_DIR), QProcessEnvironment::systemEnvironment(), 600000);
    QVERIFY2(cpack.exitCode == 0, qPrintable(QString::fromUtf8(cpack.out) + cpack.err));
    const QStringList debs = QDir(out).entryList({QStringLiteral("modeldesk_*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = out + QLatin1Char('/') + debs.first();
    QCOMPARE(debs.first(), QStringLiteral("modeldesk_" MODELDESK_VERSION "-1_%1.deb")
                               .arg(field(QStringLiteral("Architecture"))));
    qInfo("package: %s, %lld bytes", qPrintable(debs.first()), QFileInfo(m_deb).size());

    m_root = m_dir.filePath(QStringLiteral("root"));
    m_control = m_dir.filePath(QStringLiteral("control"));
    QCOMPARE(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root}).exitCode, 0);
    QCOMPARE(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), m_deb, m_control}).exitCode, 0);
}

QString tst_DebPackage::field(const QString &name) const
{
    return QString::fromUtf8(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, name}).out)
        .trimmed();
}

void tst_DebPackage::controlFields()
{
    QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("modeldesk"));
    QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(MODELDESK_VERSION "-1"));
    QCOMPARE(field(QStringLiteral("Section")), QStringLiteral("science"));
    QVERIFY(!field(QStringLiteral("Maintainer")).isEmpty());
    QVERIFY(field(QStringLiteral("Description")).contains(QStringLiteral("PyTorch")));

    // What dpkg-shlibdeps found, plus what is loaded at run time and no linker can see.
    QStringList depends;
    for (const QString &d : field(QStringLiteral("Depends")).split(QLatin1Char(',')))
        depends << d.trimmed().section(QLatin1Char(' '), 0, 0);
    for (const char *required :
         {"libopenblas0-pthread", "libtorch1.13", "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6sql6",
          "libqt6sql6-sqlite", "libqt6svg6", "libssl3", "libc6", "libstdc++6", "adduser"})
        QVERIFY2(depends.contains(QLatin1String(required)),
                 qPrintable(QLatin1String(required) + QStringLiteral(" not in ") +
                            depends.join(QLatin1Char(' '))));
    QVERIFY(field(QStringLiteral("Recommends")).contains(QStringLiteral("qt6-translations-l10n")));
}

void tst_DebPackage::fileList()
{
    QStringList files;
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QLatin1Char('/') + QDir(m_root).relativeFilePath(it.next());
    QStringList expected{QStringLiteral("/usr/bin/modeldesk"),
                         QStringLiteral("/usr/bin/modeldesk-cli"),
                         QStringLiteral("/usr/share/applications/modeldesk.desktop"),
                         QStringLiteral("/usr/share/metainfo/io.modeldesk.ModelDesk.metainfo.xml"),
                         QStringLiteral("/usr/share/icons/hicolor/scalable/apps/modeldesk.svg"),
                         QStringLiteral("/usr/share/man/man1/modeldesk-cli.1.gz"),
                         QStringLiteral("/usr/share/man/man1/modeldesk.1.gz"),
                         QStringLiteral("/usr/lib/systemd/system/modeldesk.service"),
                         QStringLiteral("/etc/modeldesk/modeldesk.conf"),
                         QStringLiteral("/usr/share/doc/modeldesk/copyright"),
                         QStringLiteral("/usr/share/doc/modeldesk/changelog.Debian.gz")};
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        expected << QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/modeldesk.png").arg(size);
    for (const QString &f : expected)
        QVERIFY2(files.contains(f), qPrintable(f + QStringLiteral(" missing from the package")));
    for (int size : {16, 48, 256}) {
        const QString png =
            m_root + QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/modeldesk.png").arg(size);
        QCOMPARE(pngSize(readFile(png)), qMakePair(size, size));
    }
    // Debian layout: nothing under /usr/local, nothing but configuration in /etc.
    for (const QString &f : files) {
        QVERIFY2(!f.startsWith(QStringLiteral("/usr/local")), qPrintable(f));
        QVERIFY2(f.startsWith(QStringLiteral("/usr/")) || f.startsWith(QStringLiteral("/etc/modeldesk/")),
                 qPrintable(f));
    }
    // Owned by root; programs executable, data not.
    const QString listing =
        QString::fromUtf8(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb}).out);
    for (const QString &line : listing.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QVERIFY2(line.section(QLatin1Char(' '), 1, 1, QString::SectionSkipEmpty) ==
                     QLatin1String("root/root"),
                 qPrintable(line));
        const QString mode = line.left(10);
        if (line.contains(QStringLiteral("./usr/bin/")) && !line.endsWith(QLatin1Char('/')))
            QCOMPARE(mode, QStringLiteral("-rwxr-xr-x"));
        else if (!mode.startsWith(QLatin1Char('d')))
            QCOMPARE(mode, QStringLiteral("-rw-r--r--"));
    }
}

void tst_DebPackage::maintainerScripts()
{
    QCOMPARE(QString::fromUtf8(readFile(m_control + QStringLiteral("/conffiles"))).trimmed(),
             QStringLiteral("/etc/modeldesk/modeldesk.conf"));
    for (const char *script : {"postinst", "prerm", "postrm"}) {
        const QFileInfo info(m_control + QLatin1Char('/') + QLatin1String(script));
        QVERIFY2(info.isExecutable(), script);
        const QString text = QString::fromUtf8(readFile(info.filePath()));
        QVERIFY(text.startsWith(QStringLiteral("#!/bin/sh")));
        QVERIFY(text.contains(QStringLiteral("set -e")));
        // Installed, never enabled or started by the package.
        static const QRegularExpression enables(
            QStringLiteral(
                "^[^#]*(systemctl|deb-systemd-helper|deb-systemd-invoke)\\b.*\\b(enable|start)\\b"),
            QRegularExpression::MultilineOption);
        QVERIFY2(!enables.match(text).hasMatch(), qPrintable(enables.match(text).captured(0)));
        QCOMPARE(runTool(QStringLiteral("sh"), {QStringLiteral("-n"), info.filePath()}).exitCode, 0);
    }
    const QString postinst = QString::fromUtf8(readFile(m_control + QStringLiteral("/postinst")));
    QVERIFY(postinst.contains(QStringLiteral("adduser --system")));
    QVERIFY(postinst.contains(QStringLiteral("/var/lib/modeldesk")));
}

void tst_DebPackage::programs()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const ToolRun cli =
        runTool(m_root + QStringLiteral("/usr/bin/modeldesk-cli"), {QStringLiteral("--version")}, {}, env);
    QVERIFY2(cli.exitCode == 0 && cli.out.contains("modeldesk-cli " MODELDESK_VERSION), qPrintable(cli.err));
    QVERIFY2(cli.out.toLower().contains("openblas"), cli.out.constData()); // the dependency did its job
    const ToolRun gui =
        runTool(m_root + QStringLiteral("/usr/bin/modeldesk"), {QStringLiteral("--version")}, {}, env);
    QVERIFY2(gui.exitCode == 0 && gui.out.contains(MODELDESK_VERSION), qPrintable(gui.err));

    const QString readelf = tool(QStringLiteral("readelf"));
    if (!readelf.isEmpty()) {
        for (const char *program : {"modeldesk", "modeldesk-cli"}) {
            const QString path = m_root + QStringLiteral("/usr/bin/") + QLatin1String(program);
            const ToolRun dynamic = runTool(readelf, {QStringLiteral("-d"), path});
            QVERIFY2(!dynamic.out.contains("RPATH") && !dynamic.out.contains("RUNPATH"), program);
            const ToolRun sections = runTool(readelf, {QStringLiteral("-S"), QStringLiteral("-W"), path});
            QVERIFY2(!sections.out.contains(".debug_info"), program); // stripped
        }
    }
    // The interface translations are resources of the GUI program (Qt's resource names are UTF-16).
    const QByteArray gui_bytes = readFile(m_root + QStringLiteral("/usr/bin/modeldesk"));
    for (const char *qm : {"modeldesk_zh_CN.qm", "modeldesk_en.qm"}) {
        const QString name = QLatin1String(qm);
        QByteArray utf16;
        for (QChar c : name)
            utf16.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        QVERIFY2(gui_bytes.contains(utf16), qm);
    }
}

void tst_DebPackage::validators()
{
    int ran = 0;
    if (const QString appstream = tool(QStringLiteral("appstreamcli")); !appstream.isEmpty()) {
        const ToolRun r = runTool(
            appstream, {QStringLiteral("validate"), QStringLiteral("--no-net"),
                        m_root + QStringLiteral("/usr/share/metainfo/io.modeldesk.ModelDesk.metainfo.xml")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        ++ran;
    }
    if (const QString desktop = tool(QStringLiteral("desktop-file-validate")); !desktop.isEmpty()) {
        const ToolRun r =
            runTool(desktop, {m_root + QStringLiteral("/usr/share/applications/modeldesk.desktop")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        ++ran;
    }
    if (const QString lintian = tool(QStringLiteral("lintian")); !lintian.isEmpty()) {
        const ToolRun r = runTool(lintian, {QStringLiteral("--fail-on"), QStringLiteral("error"), m_deb});
        qInfo().noquote() << "lintian:" << QString::fromUtf8(r.out).trimmed();
        QVERIFY2(r.exitCode == 0, r.out.constData());
        ++ran;
    }
    if (ran == 0)
        QSKIP("none of appstreamcli, desktop-file-validate, lintian is installed");
}

void tst_DebPackage::aptAcceptsIt()
{
    const QString apt = tool(QStringLiteral("apt-get"));
    if (apt.isEmpty())
        QSKIP("apt-get not available");
    // Resolves Depends against this system's package lists without installing anything.
    const ToolRun r = runTool(apt, {QStringLiteral("install"), QStringLiteral("--simulate"),
                                    QStringLiteral("-o"), QStringLiteral("Debug::NoLocking=true"), m_deb});
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out) + r.err));
    QVERIFY2(r.out.contains("Inst modeldesk") || r.out.contains("modeldesk is already the newest"),
             r.out.constData());
}

QTEST_GUILESS_MAIN(tst_DebPackage)
#include "tst_debpackage.moc"
