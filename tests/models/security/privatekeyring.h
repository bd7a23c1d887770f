#pragma once
// Keychain tests run against a real gnome-keyring over a real D-Bus session - their own: main()
// re-executes the test inside `dbus-run-session` with a fresh, unlocked gnome-keyring-daemon and a
// throw-away HOME (the recipe of docs/environment.md). So a test never touches the user's keychain,
// parallel tests never share a keyring (one of them stops its daemon on purpose), and running the
// binary by hand works the same as under ctest or packaging/run-tests.sh.

#include <QByteArray>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace TestKeyring {

inline constexpr char readyVariable[] = "MODELDESK_TEST_PRIVATE_KEYRING";

// The shell part: HOME for the keyring files, the daemon unlocked with a known password, its
// environment exported, then the test; the daemon goes when the session bus goes.
inline constexpr char script[] =
    "unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK\n" // an outer session's daemon is not ours
    "HOME=$(mktemp -d /tmp/modeldesk-keyring.XXXXXX) || exit 1; export HOME\n"
    "mkdir -p \"$HOME/.local/share/keyrings\"\n"
    "eval \"$(printf modeldesk-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null | sed 's/^/export /')\"\n"
    "\"$@\"; rc=$?\n"
    "rm -rf \"$HOME\"\n"
    "exit $rc\n";

// Returns only when already inside the private session (or when exec failed: then exits 1).
inline void enterPrivateSession(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(readyVariable))
        return;
    qputenv(readyVariable, "1");
    std::vector<char *> args{const_cast<char *>("dbus-run-session"), const_cast<char *>("--"),
                             const_cast<char *>("sh"), const_cast<char *>("-c"), const_cast<char *>(script),
                             const_cast<char *>("sh")};
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execvp("dbus-run-session", args.data());
    std::perror("cannot run dbus-run-session (packages dbus and gnome-keyring)");
    std::exit(1);
}

} // namespace TestKeyring

// QTEST_GUILESS_MAIN inside a private keyring session.
#define MODELDESK_KEYRING_TEST_MAIN(TestObject)                                                                        \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        TestKeyring::enterPrivateSession(argc, argv);                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
