// encryption status|enable|disable: encryption at rest from the command line (docs/security.md), and
// the CLI's way to the workspace master key (keychain or passphrase) for every other command.

#include "clicontext.h"

#include "artifacts/artifactkeyring.h"
#include "security/passphrasekey.h"
#include "security/secretstore.h"
#include "security/workspaceencryption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QThread>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace ModelDesk::Cli {

namespace {

using Security::KeySource;
using Security::SecretStore;
using Security::WorkspaceEncryption;

const QString kPassphraseFileEnv = QStringLiteral("MODELDESK_PASSPHRASE_FILE");

Result<QByteArray> readPassphraseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::notFound(QStringLiteral("cannot read the passphrase file '%1': %2").arg(path, f.errorString())));
    QByteArray secret = f.read(4096);
    // One trailing line break is the file's, not the passphrase's (echo pw > file).
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return fail(Error::invalid(QStringLiteral("the passphrase file '%1' is empty").arg(path)));
    return secret;
}

// Reads one line from the terminal with echo off.
Result<QByteArray> promptTerminal(const char *prompt)
{
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    termios old {};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line(1024, '\0');
    const bool ok = std::fgets(line.data(), int(line.size()), stdin) != nullptr;
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputs("\n", stderr);
    line.truncate(qsizetype(qstrnlen(line.constData(), size_t(line.size()))));
    if (line.endsWith('\n'))
        line.chop(1);
    if (!ok || line.isEmpty()) {
        Artifacts::secureWipe(line);
        return fail(Error::invalid(QStringLiteral("no passphrase entered")));
    }
    return line;
}

// --passphrase-file, else $MODELDESK_PASSPHRASE_FILE, else the terminal (twice for a new one).
Security::PassphraseProvider passphraseProvider(const QString &file, bool isNew)
{
    return [file, isNew]() -> Result<QByteArray> {
        const QString path = file.isEmpty() ? qEnvironmentVariable("MODELDESK_PASSPHRASE_FILE") : file;
        if (!path.isEmpty())
            return readPassphraseFile(path);
        if (!::isatty(STDIN_FILENO))
            return fail(Error{Error::Code::Unavailable,
                              QStringLiteral("the workspace master key needs a passphrase: give it with --passphrase-file FILE "
                                             "or $%1, or run in a terminal")
                                  .arg(kPassphraseFileEnv)});
        auto first = promptTerminal(isNew ? "New passphrase for the workspace master key: "
                                          : "Passphrase for the workspace master key: ");
        if (!first || !isNew)
            return first;
        if (auto s = Security::PassphraseKey::checkPassphrase(*first); !s)
            return fail(s.error());
        auto again = promptTerminal("Repeat the passphrase: ");
        if (!again)
            return again;
        const bool same = *first == *again;
        Artifacts::secureWipe(*again);
        if (!same) {
            Artifacts::secureWipe(*first);
            return fail(Error::invalid(QStringLiteral("the passphrases differ")));
        }
        return first;
    };
}

QString keychainLine(const Security::KeychainState &state)
{
    return state.isAvailable() ? QStringLiteral("available") : state.message;
}

void printStatus(CliContext &ctx, const Security::EncryptionStatus &st, const Security::KeychainState &keychain, bool json)
{
    if (json) {
        QJsonObject o = st.toJson();
        o.insert(QStringLiteral("keychain"),
                 QJsonObject{{QStringLiteral("available"), keychain.isAvailable()},
                             {QStringLiteral("reason"), Security::reasonName(keychain.reason)},
                             {QStringLiteral("message"), keychain.message}});
        ctx.printJson(o);
        return;
    }
    QTextStream &out = ctx.out();
    out << "encryption at rest: " << (st.enabled ? "on" : "off") << '\n';
    if (st.keySetUp)
        out << "master key:         " << Security::keySourceName(st.keySource) << " (id " << st.keyId << ")\n";
    else
        out << "master key:         none\n";
    out << "artifacts:          " << st.artifacts << " (" << st.encrypted << " encrypted, " << st.plain << " plaintext)\n";
    out << "run files:          " << st.runFiles << " (" << st.runFilesEncrypted << " encrypted, " << st.runFilesPlain
        << " plaintext; checkpoints and exported models under runs/)\n";
    out << "keychain:           " << keychainLine(keychain) << '\n';
    if (!st.complete())
        out << "incomplete: run 'modeldesk-cli encryption " << (st.enabled ? "enable" : "disable") << "' again to finish\n";
    for (const QString &problem : st.problems)
        out << "problem: " << problem << '\n';
    out.flush();
}

Artifacts::Progress terminalProgress(const char *verb)
{
    if (!::isatty(STDERR_FILENO))
        return {};
    return [verb](qint64 done, qint64 total) {
        std::fprintf(stderr, "\r%s file %lld of %lld", verb, static_cast<long long>(done), static_cast<long long>(total));
        if (done == total)
            std::fputs("\n", stderr);
        std::fflush(stderr);
        return true;
    };
}

int encryptionCommand(CliContext &ctx, const QString &sub, const QStringList &args)
{
    QCommandLineParser p;
    const bool change = sub != QLatin1String("status");
    p.setApplicationDescription(
        sub == QLatin1String("enable")
            ? QStringLiteral("Encrypt every artifact and training-run file (checkpoints, exported models) of the workspace at rest "
                             "(AES-256-GCM) and every new one. The master "
                             "key goes to the OS keychain, or with --passphrase-file is protected by a passphrase. Safe "
                             "to run again after an interruption.")
            : sub == QLatin1String("disable")
                ? QStringLiteral("Decrypt every artifact and training-run file back to plaintext and forget the master key. Safe to run again "
                                 "after an interruption.")
                : QStringLiteral("Show whether artifacts are encrypted at rest, where the master key is and whether the "
                                 "keychain works."));
    if (change)
        p.addOption({QStringLiteral("passphrase-file"),
                     QStringLiteral("File holding the passphrase that protects the master key (instead of the keychain)."),
                     QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = 0;
    if (!ctx.parse(p, QStringLiteral("encryption ") + sub, args, &code))
        return code;
    if (!p.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("encryption %1 takes no arguments").arg(sub));
    auto catalog = ctx.catalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    const bool json = p.isSet(QStringLiteral("json"));
    const QString passphraseFile = change ? p.value(QStringLiteral("passphrase-file")) : QString();

    SecretStore secrets((*catalog)->workspace().root());
    WorkspaceEncryption encryption(**catalog, &secrets);
    Result<Security::EncryptionStatus> result = fail(Error::internal(QStringLiteral("not run")));
    if (sub == QLatin1String("status")) {
        result = encryption.status();
    } else if (sub == QLatin1String("enable")) {
        WorkspaceEncryption::EnableOptions options;
        if (!passphraseFile.isEmpty())
            options.keySource = KeySource::Passphrase;
        options.passphrase = passphraseProvider(passphraseFile, true);
        // Re-running enable on a passphrase workspace asks for the existing passphrase, not a new one.
        if (auto settings = (*catalog)->registry().settings(QStringLiteral("encryption.key_id")); settings && !settings->isEmpty())
            options.passphrase = passphraseProvider(passphraseFile, false);
        result = encryption.enable(options, ctx.actor(), json ? Artifacts::Progress() : terminalProgress("encrypted"));
        if (!result && (result.error().code == Error::Code::Unavailable || result.error().code == Error::Code::Timeout)
            && passphraseFile.isEmpty())
            result.error().message += QStringLiteral(" (to use a passphrase: modeldesk-cli encryption enable --passphrase-file FILE)");
    } else {
        result = encryption.disable(passphraseProvider(passphraseFile, false), ctx.actor(),
                                    json ? Artifacts::Progress() : terminalProgress("decrypted"));
    }
    if (!result)
        return ctx.fail(result.error());
    printStatus(ctx, *result, secrets.checkAvailabilityBlocking(), json);
    // A workspace left half-converted or with damaged artifacts is not a success.
    if (!result->problems.isEmpty())
        return 5;
    return change && !result->complete() ? 4 : 0;
}

int encryption(CliContext &ctx, const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        ctx.out() << "Usage: modeldesk-cli encryption <subcommand> [options]\n\nSubcommands:\n"
                     "  status   show the state of encryption at rest and of the keychain\n"
                     "  enable   encrypt every artifact (master key in the keychain, or --passphrase-file FILE)\n"
                     "  disable  decrypt every artifact and forget the master key\n\n"
                     "Other commands find the master key in the keychain, or read the passphrase from $"
                  << kPassphraseFileEnv << " or the terminal. See docs/security.md.\n";
        ctx.out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    const QString sub = args.first();
    if (sub != QLatin1String("status") && sub != QLatin1String("enable") && sub != QLatin1String("disable"))
        return ctx.usageError(QStringLiteral("unknown encryption subcommand '%1'").arg(sub));
    return encryptionCommand(ctx, sub, args.mid(1));
}

} // namespace

void prepareWorkspaceKey(Registry::ModelCatalog &catalog)
{
    const auto keyring = catalog.store().keyring();
    if (!keyring)
        return;
    const QString root = catalog.workspace().root();
    // Passphrase: asked for (file or terminal) on first need, from whatever thread needs it.
    // Keychain: QtKeychain and QtDBus deliver to the thread that started the job, so the key is read
    // now, on the main thread, when the workspace has one - before a command hands work to threads.
    keyring->setKeyLoader([&catalog, root]() -> Result<Artifacts::MasterKey> {
        if (QThread::currentThread() != QCoreApplication::instance()->thread()) {
            auto settings = catalog.registry().settings(QStringLiteral("encryption.key_source"));
            if (settings && settings->value(QStringLiteral("encryption.key_source")) != QLatin1String("passphrase"))
                return fail(Error{Error::Code::Unavailable, QStringLiteral("the keychain could not be read")});
            return WorkspaceEncryption::loadMasterKey(catalog.registry(), nullptr, passphraseProvider({}, false));
        }
        SecretStore secrets(root);
        return WorkspaceEncryption::loadMasterKey(catalog.registry(), &secrets, passphraseProvider({}, false));
    });
    auto settings = catalog.registry().settings(QStringLiteral("encryption."));
    if (settings && !settings->value(QStringLiteral("encryption.key_id")).isEmpty()
        && settings->value(QStringLiteral("encryption.key_source")) != QLatin1String("passphrase"))
        (void)keyring->masterKey(); // remembered, success or failure (the error shows where a key is needed)
}

Status requireDecryptConsent(Registry::ModelCatalog &catalog, const VersionInfo &version, bool decrypt,
                             const QString &destination)
{
    if (decrypt)
        return {};
    auto form = catalog.store().storedForm(version.digest);
    auto settings = catalog.registry().settings(QString::fromLatin1(Registry::encryptionEnabledSetting));
    const bool encrypted = (form && *form == Artifacts::StoredForm::Encrypted)
        || (settings && settings->value(QString::fromLatin1(Registry::encryptionEnabledSetting)) == QLatin1String("true"));
    if (!encrypted)
        return {};
    return fail(Error::invalid(QStringLiteral("%1:%2 is encrypted at rest; add --decrypt to write it in plaintext to '%3'")
                                   .arg(version.model)
                                   .arg(version.version)
                                   .arg(destination)));
}

void addSecurityCommands(CommandList &commands)
{
    commands << Command{QStringLiteral("encryption"), QStringLiteral("encrypt model artifacts at rest: status, enable, disable"),
                        encryption};
}

} // namespace ModelDesk::Cli
