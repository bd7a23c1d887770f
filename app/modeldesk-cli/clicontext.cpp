#include "clicontext.h"

#include "artifacts/torchscriptinspector.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace ModelDesk::Cli {

int exitCodeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument:
    case Error::Code::Unsupported:
    case Error::Code::TooLarge: return 2;
    case Error::Code::NotFound: return 3;
    case Error::Code::AlreadyExists:
    case Error::Code::Conflict: return 4;
    case Error::Code::Corrupt: return 5;
    case Error::Code::Io: return 6;
    case Error::Code::PermissionDenied:
    case Error::Code::Unauthenticated: return 7;
    case Error::Code::Unavailable:
    case Error::Code::Timeout: return 8;
    case Error::Code::Cancelled: return 130;
    case Error::Code::Internal: return 1;
    }
    return 1;
}

CliContext::CliContext(QString program, QString workspaceDir)
    : m_program(std::move(program)), m_workspaceDir(std::move(workspaceDir)), m_out(stdout), m_err(stderr)
{
}

CliContext::~CliContext() = default;

QString CliContext::actor() const { return currentOsUser(); }

Result<Workspace> CliContext::workspace()
{
    if (!m_workspace) {
        auto ws = Workspace::open(m_workspaceDir);
        if (!ws)
            return ModelDesk::fail(ws.error());
        m_workspace = *ws;
    }
    return *m_workspace;
}

Result<Registry::ModelCatalog *> CliContext::catalog()
{
    if (!m_catalog) {
        auto ws = workspace();
        if (!ws)
            return ModelDesk::fail(ws.error());
        Registry::CatalogOptions options;
        options.registryUrl = m_registryUrl;
        // Untrusted files are validated by this same executable in a child process.
        options.validatorExecutable = QCoreApplication::applicationFilePath();
        auto catalog = Registry::ModelCatalog::open(*ws, options);
        if (!catalog)
            return ModelDesk::fail(catalog.error());
        m_catalog = std::move(*catalog);
        prepareWorkspaceKey(*m_catalog);
    }
    return m_catalog.get();
}

int CliContext::fail(const Error &error)
{
    m_out.flush();
    QString message = error.message;
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << m_program << ": " << message << Qt::endl;
    return exitCodeFor(error.code);
}

int CliContext::usageError(const QString &message)
{
    m_out.flush();
    m_err << m_program << ": " << message << " (see --help)" << Qt::endl;
    return 2;
}

void CliContext::printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
    m_out.flush();
}

void CliContext::printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size(), 0);
    auto measure = [&widths](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    auto print = [this, &widths](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                line += row[i].leftJustified(widths[i]) + QStringLiteral("  ");
            else
                line += row[i];
        }
        m_out << line << '\n';
    };
    print(header);
    for (const QStringList &row : rows)
        print(row);
    m_out.flush();
}

bool CliContext::parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int *exitCode)
{
    parser.setApplicationDescription(parser.applicationDescription());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full.prepend(m_program + QLatin1Char(' ') + command);
    if (!parser.parse(full)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt prints "Usage: <argv[0] as typed> ..."; show the program and subcommand instead.
        const QString argv0 = QCoreApplication::arguments().value(0);
        text.replace(QStringLiteral("Usage: ") + argv0, QStringLiteral("Usage: ") + m_program + QLatin1Char(' ') + command);
        m_out << text;
        m_out.flush();
        *exitCode = 0;
        return false;
    }
    return true;
}

QString humanSize(qint64 bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(bytes)
                  : QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(QLatin1String(units[u]));
}

} // namespace ModelDesk::Cli
