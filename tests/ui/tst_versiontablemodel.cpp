// VersionTableModel + VersionFilterProxyModel: item-model contract (QAbstractItemModelTester),
// the filter a user types, and that a refresh updates rows in place (identity and selection kept).

#include "itemmodels/versionfilterproxymodel.h"
#include "itemmodels/versiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using ModelDesk::ModelInfo;
using ModelDesk::VersionInfo;

namespace {

VersionInfo version(const QString &model, int number, const QString &digest, QStringList aliases = {},
                    QMap<QString, QString> tags = {})
{
    VersionInfo v;
    v.id = qHash(model) + number;
    v.model = model;
    v.version = number;
    v.digest = digest.leftJustified(64, u'0');
    v.size = 1000 * number;
    v.parameterCount = 15 * number;
    v.createdBy = QStringLiteral("tester");
    v.created = QDateTime(QDate(2026, 1, number), QTime(12, 0), Qt::UTC);
    v.aliases = aliases;
    v.tags = tags;
    return v;
}

ModelInfo modelInfo(const QString &name, int versions)
{
    ModelInfo m;
    m.name = name;
    m.versionCount = versions;
    m.latestVersion = versions;
    return m;
}

struct Fixture
{
    QList<ModelInfo> models{modelInfo(QStringLiteral("fashion"), 2), modelInfo(QStringLiteral("linear"), 1)};
    QList<VersionInfo> versions{
        version(QStringLiteral("fashion"), 1, QStringLiteral("aa11")),
        version(QStringLiteral("fashion"), 2, QStringLiteral("bb22"), {QStringLiteral("production")},
                {{QStringLiteral("stage"), QStringLiteral("validated")}}),
        version(QStringLiteral("linear"), 1, QStringLiteral("cc33"), {QStringLiteral("staging")}),
    };
};

} // namespace

class tst_VersionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelContract();
    void displaysVersions();
    void modelWithoutVersionsHasARow();
    void filter_data();
    void filter();
    void refreshKeepsRowIdentity();
    void refreshKeepsProxySelection();
    void sortsNumbersByValue();
};

void tst_VersionTableModel::modelContract()
{
    VersionTableModel model;
    VersionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(VersionTableModel::ModelColumn);

    Fixture f;
    model.setSnapshot(f.models, f.versions);
    proxy.setSearchText(QStringLiteral("fash"));
    proxy.setSearchText(QString());
    f.versions[1].aliases.clear();
    f.versions.removeFirst();
    f.versions << version(QStringLiteral("linear"), 2, QStringLiteral("dd44"));
    model.setSnapshot(f.models, f.versions);
    model.setSnapshot({}, {});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_VersionTableModel::displaysVersions()
{
    VersionTableModel model;
    Fixture f;
    model.setSnapshot(f.models, f.versions);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(VersionTableModel::ColumnCount));
    const int row = model.rowOf(QStringLiteral("fashion"), 2);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, VersionTableModel::ModelColumn).data().toString(), QStringLiteral("fashion"));
    QCOMPARE(model.index(row, VersionTableModel::VersionColumn).data().toInt(), 2);
    QCOMPARE(model.index(row, VersionTableModel::AliasesColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(model.index(row, VersionTableModel::TagsColumn).data().toString(), QStringLiteral("stage=validated"));
    QCOMPARE(model.index(row, VersionTableModel::DigestColumn).data().toString(), QStringLiteral("bb2200000000"));
    QCOMPARE(model.index(row, VersionTableModel::DigestColumn).data(Qt::ToolTipRole).toString(), f.versions[1].digest);
    QCOMPARE(model.index(row, VersionTableModel::CreatedByColumn).data().toString(), QStringLiteral("tester"));
    QVERIFY(!model.index(row, VersionTableModel::SizeColumn).data().toString().isEmpty());
    QCOMPARE(model.index(row, VersionTableModel::SizeColumn).data(VersionTableModel::SortRole).toLongLong(), 2000);
    QCOMPARE(model.headerData(VersionTableModel::DigestColumn, Qt::Horizontal).toString(), QStringLiteral("SHA-256"));
}

void tst_VersionTableModel::modelWithoutVersionsHasARow()
{
    VersionTableModel model;
    Fixture f;
    f.models << modelInfo(QStringLiteral("empty"), 0);
    model.setSnapshot(f.models, f.versions);
    QCOMPARE(model.rowCount(), 4);
    const int row = model.rowOf(QStringLiteral("empty"), 0);
    QVERIFY(row >= 0);
    QCOMPARE(model.versionAt(row).version, 0);
    QCOMPARE(model.index(row, VersionTableModel::ModelColumn).data().toString(), QStringLiteral("empty"));
    QVERIFY(model.index(row, VersionTableModel::SizeColumn).data().toString().isEmpty());
}

void tst_VersionTableModel::filter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected"); // "model:version", sorted

    QTest::newRow("empty shows all") << QString() << QStringList{"fashion:1", "fashion:2", "linear:1"};
    QTest::newRow("model name part") << "FASH" << QStringList{"fashion:1", "fashion:2"};
    QTest::newRow("alias") << "production" << QStringList{"fashion:2"};
    QTest::newRow("alias part") << "stag" << QStringList{"fashion:2", "linear:1"}; // "staging" and tag key "stage"
    QTest::newRow("tag value") << "validated" << QStringList{"fashion:2"};
    QTest::newRow("tag key=value") << "stage=val" << QStringList{"fashion:2"};
    QTest::newRow("digest prefix") << "cc3" << QStringList{"linear:1"};
    QTest::newRow("digest prefix upper case") << "BB22" << QStringList{"fashion:2"};
    QTest::newRow("digest middle is no match") << "b220" << QStringList{};
    QTest::newRow("surrounding spaces ignored") << "  linear " << QStringList{"linear:1"};
    QTest::newRow("nothing") << "zzz" << QStringList{};
}

void tst_VersionTableModel::filter()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    VersionTableModel model;
    VersionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Fixture f;
    model.setSnapshot(f.models, f.versions);
    proxy.setSearchText(search);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex i = proxy.index(row, 0);
        shown << QStringLiteral("%1:%2").arg(i.data(VersionTableModel::ModelNameRole).toString())
                     .arg(i.data(VersionTableModel::VersionNumberRole).toInt());
    }
    shown.sort();
    QCOMPARE(shown, expected);

    // The filter also applies to rows that arrive later.
    f.versions << version(QStringLiteral("fashion"), 3, QStringLiteral("ee55"));
    model.setSnapshot(f.models, f.versions);
    const bool newRowShown = search.trimmed().isEmpty() || QStringLiteral("fashion").contains(search.trimmed(), Qt::CaseInsensitive);
    QCOMPARE(proxy.rowCount(), int(expected.size()) + (newRowShown ? 1 : 0));
}

void tst_VersionTableModel::refreshKeepsRowIdentity()
{
    VersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Fixture f;
    model.setSnapshot(f.models, f.versions);

    const QPersistentModelIndex kept = model.index(model.rowOf(QStringLiteral("fashion"), 2), 0);
    const QPersistentModelIndex gone = model.index(model.rowOf(QStringLiteral("fashion"), 1), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Another process moved "production" to a new version 3 and deleted version 1.
    QList<VersionInfo> next = f.versions;
    next.removeFirst();
    next[0].aliases.clear();
    next << version(QStringLiteral("fashion"), 3, QStringLiteral("ff66"), {QStringLiteral("production")});
    model.setSnapshot(f.models, next);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1); // only fashion:2 changed; linear:1 is untouched
    QVERIFY(!gone.isValid());
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(VersionTableModel::ModelNameRole).toString(), QStringLiteral("fashion"));
    QCOMPARE(kept.data(VersionTableModel::VersionNumberRole).toInt(), 2);
    QCOMPARE(model.index(kept.row(), VersionTableModel::AliasesColumn).data().toString(), QString());
    QCOMPARE(model.rowCount(), 3);

    // The same snapshot again changes nothing.
    changed.clear();
    model.setSnapshot(f.models, next);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
}

void tst_VersionTableModel::refreshKeepsProxySelection()
{
    VersionTableModel model;
    VersionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(VersionTableModel::ModelColumn);
    Fixture f;
    model.setSnapshot(f.models, f.versions);
    QItemSelectionModel selection(&proxy);
    const QModelIndex target = proxy.mapFromSource(model.index(model.rowOf(QStringLiteral("linear"), 1), 0));
    selection.select(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // New versions sort before the selected row; the selection must follow linear:1.
    QList<VersionInfo> next = f.versions;
    next << version(QStringLiteral("alpha"), 1, QStringLiteral("1111")) << version(QStringLiteral("beta"), 1, QStringLiteral("2222"));
    next[2].tags.insert(QStringLiteral("owner"), QStringLiteral("ops"));
    QList<ModelInfo> models = f.models;
    models << modelInfo(QStringLiteral("alpha"), 1) << modelInfo(QStringLiteral("beta"), 1);
    model.setSnapshot(models, next);

    const QModelIndexList rows = selection.selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(VersionTableModel::ModelNameRole).toString(), QStringLiteral("linear"));
    QCOMPARE(rows.first().data(VersionTableModel::VersionNumberRole).toInt(), 1);
    QCOMPARE(proxy.index(rows.first().row(), VersionTableModel::TagsColumn).data().toString(), QStringLiteral("owner=ops"));
}

void tst_VersionTableModel::sortsNumbersByValue()
{
    VersionTableModel model;
    VersionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QList<VersionInfo> versions;
    for (int i : {2, 10, 9})
        versions << version(QStringLiteral("m"), i, QString::number(i));
    model.setSnapshot({modelInfo(QStringLiteral("m"), 3)}, versions);
    proxy.sort(VersionTableModel::VersionColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, VersionTableModel::VersionColumn).data().toInt(), 2);
    QCOMPARE(proxy.index(1, VersionTableModel::VersionColumn).data().toInt(), 9);
    QCOMPARE(proxy.index(2, VersionTableModel::VersionColumn).data().toInt(), 10);
}

QTEST_GUILESS_MAIN(tst_VersionTableModel)
#include "tst_versiontablemodel.moc"
