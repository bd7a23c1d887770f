// The compiled Simplified Chinese translation is embedded (:/i18n) and translates the console's
// strings; the .ts source has no unfinished or empty entry.

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zhCnQmTranslatesKnownStrings_data();
    void zhCnQmTranslatesKnownStrings();
    void englishQmLoads();
    void zhCnTsIsComplete();
};

void tst_Translations::zhCnQmTranslatesKnownStrings_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("navigation") << QByteArray("MainWindow") << QByteArray("Models") << QStringLiteral("模型");
    QTest::newRow("settings page") << QByteArray("SettingsPage") << QByteArray("Language") << QStringLiteral("语言");
    QTest::newRow("table header") << QByteArray("VersionTableModel") << QByteArray("Version") << QStringLiteral("版本");
}

void tst_Translations::zhCnQmTranslatesKnownStrings()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/modeldesk_zh_CN.qm")), "zh_CN .qm is not embedded under :/i18n");
    QCOMPARE(translator.language(), QStringLiteral("zh_CN"));
    QCOMPARE(translator.translate(context.constData(), source.constData()), expected);

    // Installed, it is what tr() returns.
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), expected);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), QString::fromUtf8(source));
}

void tst_Translations::englishQmLoads()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::English), QStringLiteral("modeldesk"), QStringLiteral("_"), QStringLiteral(":/i18n")));
}

void tst_Translations::zhCnTsIsComplete()
{
    QFile ts(QStringLiteral(MODELDESK_TS_DIR "/modeldesk_zh_CN.ts"));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    const QString text = QString::fromUtf8(ts.readAll());
    const int messages = int(text.count(QStringLiteral("<message")));
    QVERIFY(messages > 100);
    QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("type=\"vanished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
    // Every plural message has its (single, for Chinese) numerus form filled.
    static const QRegularExpression emptyNumerus(QStringLiteral("<numerusform></numerusform>"));
    QVERIFY(!text.contains(emptyNumerus));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
