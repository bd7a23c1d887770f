#include "evaluationdialog.h"

#include "classnames.h"
#include "confusionmatrixwidget.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

EvaluationDialog::EvaluationDialog(const TrainingQueries::RunEvaluation &e, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Evaluation of run %1").arg(e.runId));
    const QLocale locale;
    auto *summary = new QLabel(tr("<b>%1 split</b>: %2 examples, accuracy <b>%3</b> (majority-class baseline %4), "
                                  "macro F1 %5.")
                                   .arg(e.split == QLatin1String("test") ? tr("Test") : tr("Validation"))
                                   .arg(locale.toString(e.count))
                                   .arg(locale.toString(e.accuracy, 'f', 4), locale.toString(e.majorityBaseline, 'f', 4),
                                        locale.toString(e.macroF1, 'f', 4)),
                               this);
    summary->setWordWrap(true);

    m_matrix = new ConfusionMatrixWidget(this);
    m_matrix->setMatrix(ClassNames::display(e.classes), e.confusion);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_matrix);
    scroll->setWidgetResizable(false);
    scroll->setAlignment(Qt::AlignCenter);

    m_perClass = new QTableWidget(int(e.perClass.size()), 5, this);
    m_perClass->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_perClass->verticalHeader()->hide();
    m_perClass->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_perClass->setAlternatingRowColors(true);
    m_perClass->setSortingEnabled(false);
    for (int i = 0; i < e.perClass.size(); ++i) {
        const ModelDesk::Training::ClassMetrics &m = e.perClass[i];
        auto cell = [this, i](int column, const QString &text, bool number) {
            auto *item = new QTableWidgetItem(text);
            if (number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_perClass->setItem(i, column, item);
        };
        cell(0, ClassNames::display(m.name), false);
        cell(1, locale.toString(m.precision, 'f', 3), true);
        cell(2, locale.toString(m.recall, 'f', 3), true);
        cell(3, locale.toString(m.f1, 'f', 3), true);
        cell(4, locale.toString(m.support), true);
    }
    m_perClass->resizeColumnsToContents();
    m_perClass->horizontalHeader()->setStretchLastSection(true);

    auto *legend = new QLabel(tr("Rows: true class; columns: predicted class. Blue: correct share of the row; orange: "
                                 "confusions."),
                              this);
    legend->setWordWrap(true);
    legend->setEnabled(false);

    auto *left = new QVBoxLayout;
    left->addWidget(scroll, 1);
    left->addWidget(legend);
    auto *body = new QHBoxLayout;
    body->addLayout(left, 3);
    body->addWidget(m_perClass, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    const QSize matrixSize = m_matrix->sizeHint();
    resize(std::min(1200, matrixSize.width() + 460), std::min(850, std::max(420, matrixSize.height() + 140)));
}
