#pragma once
// InferenceSession: one TorchScript module loaded from registry-verified bytes, in eval mode, ready
// for forward on torch-free Tensors. The only torch translation unit of the runtime is its .cpp.
//
// Threads: load() anywhere (it blocks: parsing + allocating the weights); forward() is safe from
// several worker threads at once (TorchScript's executor is re-entrant for inference). Each thread
// that calls forward() first creates a ThreadScope (InferenceMode + intra-op thread count are
// thread-local in LibTorch) and keeps it for its lifetime.
// Ownership: shared (std::shared_ptr) by the instances that serve it; the module's memory is freed
// when the last owner lets go.
// Errors: load -> InvalidArgument/Corrupt with the loader's first line; forward -> InvalidArgument
// for input the model rejects (first useful line of the torch message), Unsupported for outputs
// that are not tensors, Unavailable when memory runs out. No exception leaves this class.

#include "tensor.h"

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace ModelDesk::Runtime {

class InferenceSession final
{
public:
    // `context` ("model 'mlp' version 2") prefixes load errors.
    static Result<std::shared_ptr<InferenceSession>> load(const QByteArray &bytes, const QString &context);
    ~InferenceSession();
    InferenceSession(const InferenceSession &) = delete;
    InferenceSession &operator=(const InferenceSession &) = delete;

    // Runs forward with `inputs` as positional arguments. The session may read the inputs' bytes in
    // place (it detaches shared QByteArrays first), hence the non-const reference.
    // Output naming: a tensor -> one output, tuple/list -> one per element, dict[str, Tensor] -> its
    // keys; positional outputs take `outputNames[i]` when given, else "output__<i>".
    Result<std::vector<Tensor>> forward(std::vector<Tensor> &inputs, const QStringList &outputNames) const;

    qint64 parameterCount() const;
    qint64 parameterBytes() const;   // parameters + buffers

    class ThreadScope
    {
    public:
        ~ThreadScope();
        ThreadScope(const ThreadScope &) = delete;
        ThreadScope &operator=(const ThreadScope &) = delete;

    private:
        friend class InferenceSession;
        ThreadScope();
        struct Private;
        std::unique_ptr<Private> d;
    };
    // Call on the thread that will run forward(); destroy on the same thread.
    static std::unique_ptr<ThreadScope> enterWorkerThread(int intraOpThreads);

    // Hands freed heap pages back to the OS (glibc keeps them otherwise, so RSS would not drop
    // after an unload).
    static void releaseFreedMemory();

private:
    InferenceSession();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ModelDesk::Runtime
