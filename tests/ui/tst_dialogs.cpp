// The small input dialogs check names live with the core's rule: the reason a name is refused is
// shown inline and the accepting button stays disabled until the input is valid.

#include "importdialog.h"
#include "namedialog.h"
#include "tagdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace {

QPushButton *acceptButton(QDialog &dialog)
{
    auto *box = dialog.findChild<QDialogButtonBox *>();
    for (auto *button : box->buttons()) {
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

bool showsText(QDialog &dialog, const QString &part)
{
    const auto labels = dialog.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](QLabel *l) { return l->text().contains(part); });
}

} // namespace

class tst_Dialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importDialogSuggestsAName();
    void importDialogValidatesLive_data();
    void importDialogValidatesLive();
    void importDialogSaysWhetherTheModelExists();
    void nameDialogValidates();
    void tagDialogValidates();

private:
    QTemporaryDir m_dir;
};

void tst_Dialogs::importDialogSuggestsAName()
{
    const QString path = m_dir.filePath(QStringLiteral("My Fashion Model v2.pt"));
    ImportDialog dialog(path, {});
    QCOMPARE(dialog.modelName(), QStringLiteral("my-fashion-model-v2"));
    QVERIFY(dialog.validationMessage().isEmpty());
    QVERIFY(acceptButton(dialog)->isEnabled());
}

void tst_Dialogs::importDialogValidatesLive_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "fashion" << true;
    QTest::newRow("digits, dot, dash, underscore") << "mlp_2.v-1" << true;
    QTest::newRow("upper case") << "Fashion" << false;
    QTest::newRow("space") << "my model" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("dot dot") << "a..b" << false;
    QTest::newRow("leading dash") << "-x" << false;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << "" << false;
}

void tst_Dialogs::importDialogValidatesLive()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    ImportDialog dialog(m_dir.filePath(QStringLiteral("x.pt")), {});
    auto *edit = dialog.findChild<QComboBox *>()->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, name);
    QCOMPARE(dialog.modelName(), name);
    QCOMPARE(acceptButton(dialog)->isEnabled(), valid);
    QCOMPARE(dialog.validationMessage().isEmpty(), valid);
    if (!valid && !name.isEmpty())
        QVERIFY2(showsText(dialog, QStringLiteral("not a valid model name")), qPrintable(dialog.validationMessage()));
}

void tst_Dialogs::importDialogSaysWhetherTheModelExists()
{
    ImportDialog dialog(m_dir.filePath(QStringLiteral("x.pt")), {QStringLiteral("fashion")});
    dialog.setModelName(QStringLiteral("fashion"));
    QVERIFY(showsText(dialog, QStringLiteral("next version of the existing model 'fashion'")));
    dialog.setModelName(QStringLiteral("brand-new"));
    QVERIFY(showsText(dialog, QStringLiteral("new model 'brand-new'")));
}

void tst_Dialogs::nameDialogValidates()
{
    NameDialog dialog(QStringLiteral("Set Alias"), QStringLiteral("Alias:"), QStringLiteral("alias"),
                      {QStringLiteral("production")});
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setName(QStringLiteral("Production!"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(showsText(dialog, QStringLiteral("not a valid alias")));
    dialog.setName(QStringLiteral("production"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.name(), QStringLiteral("production"));
}

void tst_Dialogs::tagDialogValidates()
{
    TagDialog dialog(QStringLiteral("m:1"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setTag(QStringLiteral("stage"), QStringLiteral("validated on 2026-01-05"));
    QVERIFY(ok->isEnabled());
    dialog.setTag(QStringLiteral("Stage"), QStringLiteral("x"));
    QVERIFY(!ok->isEnabled());
    dialog.setTag(QStringLiteral("stage"), QString(257, u'x'));
    QVERIFY(!ok->isEnabled());
    QVERIFY(showsText(dialog, QStringLiteral("longer than 256")));
    dialog.setTag(QStringLiteral("stage"), QStringLiteral("a\tb"));
    QVERIFY(!ok->isEnabled());
    dialog.setTag(QStringLiteral("owner"), QString());
    QVERIFY(ok->isEnabled()); // an empty value is allowed: a plain label
}

QTEST_MAIN(tst_Dialogs)
#include "tst_dialogs.moc"
