#!/usr/bin/env python3
"""Benchmark corpus: N copies of a synthetic CT (given size) with distinct UIDs and patient values.

usage: make_corpus.py OUTDIR COUNT SIZE
Files are written as OUTDIR/PNNN/IMxxxxx.dcm (explicit VR little endian), 20 patients.
"""
import sys
from pathlib import Path

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid, CTImageStorage


def make(i: int, size: int) -> Dataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[f"sop{i}"])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    patient = i % 20
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=[f"study{patient}"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[f"series{patient}"])
    ds.FrameOfReferenceUID = generate_uid(entropy_srcs=[f"for{patient}"])
    ds.PatientName = f"BENCH^PATIENT{patient}"
    ds.PatientID = f"MRN{100000 + patient}"
    ds.PatientBirthDate = "19600101"
    ds.StudyDate = "20200102"
    ds.StudyTime = "101010"
    ds.AccessionNumber = f"ACC{i:07d}"
    ds.InstitutionName = "Bench General Hospital"
    ds.ReferringPhysicianName = "REF^DOCTOR"
    ds.Modality = "CT"
    ds.Manufacturer = "BenchCo"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.InstanceNumber = i
    ds.SliceThickness = "1.0"
    ds.ImagePositionPatient = [0, 0, i]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [0.7, 0.7]
    ds.Rows = size
    ds.Columns = size
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.WindowCenter = "40"
    ds.WindowWidth = "400"
    rng = np.random.default_rng(i)
    ds.PixelData = rng.integers(0, 4096, size=(size, size), dtype=np.uint16).tobytes()
    return ds


def main() -> None:
    out, count, size = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    for i in range(count):
        ds = make(i, size)
        path = out / f"P{i % 20:03d}" / f"IM{i:05d}.dcm"
        path.parent.mkdir(parents=True, exist_ok=True)
        ds.save_as(path, enforce_file_format=True)


if __name__ == "__main__":
    main()
