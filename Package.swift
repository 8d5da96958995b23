// swift-tools-version:6.0
// dcmdeid — DICOM-native de-identification. See README.md and ../shared/ARCHITECTURE.md.
import PackageDescription

/// DCMTK 3.6.7 as Debian packages it; its pkg-config file is broken on Debian 12, so the libraries are listed.
let dcmtkLibraries: [LinkerSetting] = [
    "dcmtls", "dcmnet", "dcmjpls", "dcmtkcharls", "dcmjpeg", "ijg8", "ijg12", "ijg16", "dcmimage", "dcmimgle", "dcmdata", "oflog", "ofstd",
    "openjp2", "z",
].map { .linkedLibrary($0) }

let package = Package(
    name: "dcmdeid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dcmdeid", targets: ["dcmdeid"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
    targets: [
        .target(
            name: "CDCMTK",
            cxxSettings: [.unsafeFlags(["-I/usr/include/openjpeg-2.5"])],
            linkerSettings: dcmtkLibraries
        ),
        .target(
            name: "CImageIO",
            linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg")]
        ),
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract"),
        .target(name: "DicomCore", dependencies: ["CDCMTK", "CImageIO"]),
        .target(name: "PHIDetection", resources: [.copy("Resources")]),
        .target(name: "PixelRedaction", dependencies: ["DicomCore", "PHIDetection", "CTesseract"]),
        .target(
            name: "Deidentification",
            dependencies: [
                "DicomCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Pipeline",
            dependencies: ["DicomCore", "Deidentification", "PHIDetection", "PixelRedaction",
                           .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "Gateway",
            dependencies: ["CDCMTK", "Pipeline", "DicomCore", "Deidentification",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .executableTarget(
            name: "dcmdeid",
            dependencies: ["Pipeline", "Gateway", "DicomCore", "Deidentification", "PixelRedaction",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DicomCoreTests", dependencies: ["DicomCore"]),
        .testTarget(name: "DeidentificationTests", dependencies: ["Deidentification", "DicomCore"]),
        .testTarget(name: "PHIDetectionTests", dependencies: ["PHIDetection"]),
        .testTarget(name: "PixelRedactionTests", dependencies: ["PixelRedaction", "DicomCore", "PHIDetection"]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Pipeline", "DicomCore", "Deidentification"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "DicomCore", "Deidentification", "PixelRedaction", "PHIDetection"]),
        .testTarget(name: "CLITests", dependencies: ["DicomCore"]),
    ],
    cxxLanguageStandard: .cxx17
)
