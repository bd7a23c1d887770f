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
// The test waits until the daemon owns org.freedesktop.secrets: a request before that makes the bus
// start a second daemon by D-Bus activation. gnome-keyring-daemon 42 can abort on its own
// ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed", an upstream race when
// clients come and go quickly - GNOME gnome-keyring issues 190/196/199); the kill -9 tests make
// many such clients. When the test failed AND the daemon is gone, the run says so and runs once
// more with a fresh daemon; a failure while the daemon is alive is never run again.
inline constexpr char script[] =
    "unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK\n" // an outer session's daemon is not ours
    "owner() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\\n"
    "    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \\\n"
    "    | sed -n 's/^ *uint32 //p'; }\n"
    "attempt() {\n"
    "  unset GNOME_KEYRING_CONTROL\n"
    "  HOME=$(mktemp -d /tmp/modeldesk-keyring.XXXXXX) || exit 1; export HOME\n"
    "  mkdir -p \"$HOME/.local/share/keyrings\"\n"
    "  eval \"$(printf modeldesk-test | gnome-keyring-daemon --unlock --components=secrets $replace 2>/dev/null | sed 's/^/export /')\"\n"
    "  i=0; pid=$(owner)\n"
    "  while [ -z \"$pid\" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); pid=$(owner); done\n"
    "  \"$@\"; rc=$?\n"
    "  rm -rf \"$HOME\"\n"
    "}\n"
    "replace=''\n"
    "attempt \"$@\"\n"
    "if [ $rc -ne 0 ] && [ -n \"$pid\" ] && [ \"$(owner)\" != \"$pid\" ]; then\n"
    "  echo \"NOTE: gnome-keyring-daemon (pid $pid) died during the test (an upstream gnome-keyring crash, see\" \\\n"
    "       \"tests/models/security/privatekeyring.h); running the test once more with a fresh daemon\" >&2\n"
    "  replace=--replace\n" // the bus may have activated a daemon of its own meanwhile
    "  attempt \"$@\"\n"
    "fi\n"
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
