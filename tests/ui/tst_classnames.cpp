// Class names of well-known data sets (Fashion-MNIST) are shown in the interface language while
// the stored and served names stay as they are: ClassNames::display, the evaluation dialog's
// confusion matrix and per-class table, and the demo's try-it card, under a translator that
// marks what it translated.

#include "classnames.h"
#include "uitestfixture.h"
#include "demo/demorunner.h"
#include "demo/demotryitwidget.h"
#include "training/confusionmatrixwidget.h"
#include "training/evaluationdialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

namespace {

// Answers every ClassNames lookup with "<zh>" + the source text, as a zh_CN catalog would differ.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QLatin1String(context) == QLatin1String("ClassNames"))
            return QString(QStringLiteral("<zh>") + QString::fromUtf8(source));
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class tst_ClassNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(QCoreApplication::installTranslator(&m_translator)); }
    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_translator); }

    void wellKnownNamesAreTranslated()
    {
        const QStringList fashion = DemoRunner::fashionClassNames();
        QCOMPARE(fashion.size(), 10);
        for (const QString &name : fashion)
            QCOMPARE(ClassNames::display(name), QString(QStringLiteral("<zh>") + name));
        // Other data sets' names show as they are; so does a number.
        QCOMPARE(ClassNames::display(QStringLiteral("setosa")), QStringLiteral("setosa"));
        QCOMPARE(ClassNames::display(QStringLiteral("3")), QStringLiteral("3"));
        QCOMPARE(ClassNames::display(QStringList{QStringLiteral("Bag"), QStringLiteral("spam")}),
                 (QStringList{QStringLiteral("<zh>Bag"), QStringLiteral("spam")}));
    }

    void evaluationShowsTranslatedNames()
    {
        TrainingQueries::RunEvaluation e;
        e.runId = QStringLiteral("r1");
        e.split = QStringLiteral("test");
        e.classes = {QStringLiteral("Trouser"), QStringLiteral("Ankle boot")};
        e.confusion = {{9, 1}, {2, 8}};
        for (const QString &c : e.classes) {
            ModelDesk::Training::ClassMetrics m;
            m.name = c;
            m.support = 10;
            e.perClass.append(m);
        }
        e.count = 20;
        EvaluationDialog dialog(e);
        auto *table = dialog.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("<zh>Trouser"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("<zh>Ankle boot"));
        auto *matrix = dialog.findChild<ConfusionMatrixWidget *>();
        QVERIFY(matrix);
        QCOMPARE(matrix->classes(), (QStringList{QStringLiteral("<zh>Trouser"), QStringLiteral("<zh>Ankle boot")}));
        QCOMPARE(e.classes.first(), QStringLiteral("Trouser")); // the stored names are untouched
    }

    void demoCardShowsTranslatedNames()
    {
        ModelDesk::TestUi::UiTestFixture fx;
        ModelDesk::TestUi::UiTestFixture::Options options;
        options.pollIntervalMs = 0;
        options.startHost = false;
        QVERIFY(fx.open(options));
        QVERIFY(fx.startServices());
        DemoRunner runner(*fx.client, *fx.host);
        DemoTryItWidget card(runner);
        DemoSample sample;
        sample.image = QImage(28, 28, QImage::Format_Grayscale8);
        sample.image.fill(0);
        sample.truth = 8;
        sample.predicted = 0;
        sample.truthName = QStringLiteral("Bag");
        sample.predictedName = QStringLiteral("T-shirt/top");
        sample.confidence = 0.5;
        card.showSample(sample);
        const QString text = card.answerLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("&lt;zh&gt;T-shirt/top")) && text.contains(QStringLiteral("&lt;zh&gt;Bag")),
                 qPrintable(text));
        QCOMPARE(card.sample().truthName, QStringLiteral("Bag")); // as the model serves it
    }

private:
    MarkingTranslator m_translator;
};

QTEST_MAIN(tst_ClassNames)
#include "tst_classnames.moc"
