// ClonePool: thread-safe use of ICU objects that are not thread-safe.
//
// ICU's MessageFormat, DateFormat and Collator keep per-call state inside
// the object (msgfmt.h: "If multiple threads access a format concurrently,
// it must be synchronized externally"). A ClonePool keeps one master that
// is never used for work, only copied with clone() (a const method that
// reads the master and writes nothing to it), and a free list of clones.
// Lease() hands a clone to one thread at a time and takes it back when the
// lease ends, so at most one clone per concurrently working thread is ever
// made and the hot path costs one uncontended lock.
//
// ClonePool is safe to use from several threads at once.
#ifndef KBGEN_GENERATOR_CLONE_POOL_H_
#define KBGEN_GENERATOR_CLONE_POOL_H_

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace kbgen {

// T has `T* clone() const` returning a new object the caller owns.
template <typename T>
class ClonePool {
 public:
  // REQUIRES: master != nullptr.
  explicit ClonePool(std::unique_ptr<T> master) : master_(std::move(master)) {}
  ClonePool(const ClonePool&) = delete;
  ClonePool& operator=(const ClonePool&) = delete;

  // A clone on loan to the current thread; returned to the pool on destruction.
  class Lease {
   public:
    Lease(const ClonePool* pool, std::unique_ptr<T> object)
        : pool_(pool), object_(std::move(object)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (object_) pool_->Return(std::move(object_));
    }
    T& operator*() const { return *object_; }
    T* operator->() const { return object_.get(); }
    // False only when ICU could not allocate the clone.
    explicit operator bool() const { return object_ != nullptr; }

   private:
    const ClonePool* pool_;
    std::unique_ptr<T> object_;
  };

  Lease Acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<T> object = std::move(free_.back());
        free_.pop_back();
        return Lease(this, std::move(object));
      }
    }
    // Cloning outside the lock: clone() only reads the master.
    return Lease(this, std::unique_ptr<T>(master_->clone()));
  }

  // The master, for const queries that ICU documents as side-effect free
  // (never for formatting).
  const T& master() const { return *master_; }

 private:
  void Return(std::unique_ptr<T> object) const {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(object));
  }

  std::unique_ptr<T> master_;
  // The free list is a cache of interchangeable clones, hence mutable.
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<T>> free_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_CLONE_POOL_H_
