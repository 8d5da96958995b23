import Foundation

/// Tesseract is built with OpenMP here and starts a team of threads for the matrix products of
/// each line it reads; for line-sized images that costs several times the recognition itself
/// (measured on two busy cores: 33 → 7 ms per region), and parallelism belongs to the workers.
/// Its parallel regions name their thread count, so `omp_set_num_threads` is not enough; with the
/// maximum number of active levels at 0 every parallel region runs on the encountering thread
/// alone. Looked up at run time: a Tesseract built without OpenMP simply lacks the symbol.
enum OpenMP {
    private typealias SetInt = @convention(c) (Int32) -> Void
    private static let setMaxActiveLevels: SetInt? = function("omp_set_max_active_levels")
    private static let setNumThreads: SetInt? = function("omp_set_num_threads")

    static func useOneThread() {
        setMaxActiveLevels?(0)
        setNumThreads?(1)
    }

    private static func function(_ name: String) -> SetInt? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: SetInt.self)
    }
}
