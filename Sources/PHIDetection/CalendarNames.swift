/// Month and weekday names as they are printed on images, keyed in `TextNormalization.key` form.
enum CalendarNames {
    /// English, German, French, Spanish, Italian, Dutch and Portuguese month names and their usual
    /// abbreviations. Abbreviations that are also common technical words (Italian GEN, MAG; Spanish SET;
    /// Portuguese OUT) are left out.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["JANUARY", "JAN", "JANUAR", "JANNER", "JAENNER", "JANVIER", "JANV", "ENERO", "ENE", "GENNAIO", "JANUARI", "JANEIRO"],
            ["FEBRUARY", "FEB", "FEBR", "FEBRUAR", "FEVRIER", "FEV", "FEVR", "FEBRERO", "FEBBRAIO", "FEBRUARI", "FEVEREIRO"],
            ["MARCH", "MAR", "MARZ", "MAERZ", "MRZ", "MARS", "MARZO", "MAART", "MRT", "MARCO"],
            ["APRIL", "APR", "AVRIL", "AVR", "ABRIL", "ABR", "APRILE"],
            ["MAY", "MAI", "MAYO", "MAGGIO", "MEI", "MAIO"],
            ["JUNE", "JUN", "JUNI", "JUIN", "JUNIO", "GIUGNO", "GIU", "JUNHO"],
            ["JULY", "JUL", "JULI", "JUILLET", "JUIL", "JULIO", "LUGLIO", "LUG", "JULHO"],
            ["AUGUST", "AUG", "AOUT", "AOU", "AGOSTO", "AGO", "AUGUSTUS"],
            ["SEPTEMBER", "SEP", "SEPT", "SEPTEMBRE", "SEPTIEMBRE", "SETIEMBRE", "SETTEMBRE", "SETEMBRO"],
            ["OCTOBER", "OCT", "OKTOBER", "OKT", "OCTOBRE", "OCTUBRE", "OTTOBRE", "OTT", "OUTUBRO"],
            ["NOVEMBER", "NOV", "NOVEMBRE", "NOVIEMBRE", "NOVEMBRO"],
            ["DECEMBER", "DEC", "DEZEMBER", "DEZ", "DECEMBRE", "DICIEMBRE", "DIC", "DICEMBRE", "DEZEMBRO"],
        ]
        var table: [String: Int] = [:]
        for (offset, spellings) in names.enumerated() {
            for spelling in spellings { table[spelling] = offset + 1 }
        }
        return table
    }()

    static let weekdays: Set<String> = [
        "MONDAY", "MON", "TUESDAY", "TUE", "TUES", "WEDNESDAY", "WED", "THURSDAY", "THU", "THUR", "THURS", "FRIDAY",
        "FRI", "SATURDAY", "SAT", "SUNDAY", "SUN", "MONTAG", "DIENSTAG", "MITTWOCH", "DONNERSTAG", "FREITAG", "SAMSTAG",
        "SONNTAG", "LUNDI", "MARDI", "MERCREDI", "JEUDI", "VENDREDI", "SAMEDI", "DIMANCHE", "LUNES", "MARTES",
        "MIERCOLES", "JUEVES", "VIERNES", "SABADO", "DOMINGO",
    ]

    /// Words that may stand between the parts of a written date ("9 de marzo de 2014", "the 9th of March").
    static let connectors: Set<String> = ["DE", "DEL", "OF", "THE", "LE", "DEN"]

    /// Suffixes of ordinal day numbers ("9th", "1er", "29t" cut short).
    static let ordinalSuffixes: Set<String> = ["ST", "ND", "RD", "TH", "T", "ER", "E"]

    /// AM and PM, with the M as OCR often reads it in small type ("pin", "prn", "pn", "PP").
    static let meridiems: [String: Bool] = ["AM": false, "A": false, "PM": true, "P": true,
                                            "AIN": false, "ARN": false, "AN": false, "PIN": true, "PRN": true, "PN": true, "PP": true]
}
