#pragma once
// ClassNames: how the console shows the class names of a data set. The names a model stores and
// serves stay exactly as the data set has them ("T-shirt/top"): the registry's "classes", the HTTP
// answers and the CLI never change. Only their display in the console is translated, for the
// well-known data sets whose names are listed here (Fashion-MNIST); other names show as they are.
//
// GUI thread (it reads the installed translators); compare names before displaying them.

#include <QString>
#include <QStringList>

namespace ClassNames {

// The name in the interface language when it is a well-known class name, else `name` itself.
QString display(const QString &name);
QStringList display(const QStringList &names);

} // namespace ClassNames
