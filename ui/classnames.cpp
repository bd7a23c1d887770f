#include "classnames.h"

#include <QCoreApplication>

namespace {

// Fashion-MNIST's labels (Zalando's README), as the IDX loader and the demo name them.
constexpr const char *kFashionMnist[] = {
    QT_TRANSLATE_NOOP("ClassNames", "T-shirt/top"), QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
    QT_TRANSLATE_NOOP("ClassNames", "Pullover"),    QT_TRANSLATE_NOOP("ClassNames", "Dress"),
    QT_TRANSLATE_NOOP("ClassNames", "Coat"),        QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
    QT_TRANSLATE_NOOP("ClassNames", "Shirt"),       QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
    QT_TRANSLATE_NOOP("ClassNames", "Bag"),         QT_TRANSLATE_NOOP("ClassNames", "Ankle boot"),
};

} // namespace

namespace ClassNames {

QString display(const QString &name)
{
    for (const char *known : kFashionMnist) {
        if (name == QLatin1String(known))
            return QCoreApplication::translate("ClassNames", known);
    }
    return name;
}

QStringList display(const QStringList &names)
{
    QStringList out;
    out.reserve(names.size());
    for (const QString &n : names)
        out.append(display(n));
    return out;
}

} // namespace ClassNames
