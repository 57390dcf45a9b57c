/**
 * The ET object model's numeric constants the simulator uses, with the values et-jsapi-declare's
 * lib.et.d.ts / lib.kso.d.ts give them (those `enum`s are declarations only: nothing defines
 * `Et.XlPattern` at run time, so code needs its own numbers). Also offered as `wps.Enum`.
 */
export const XL = {
  // XlSheetVisibility
  xlSheetVisible: -1,
  xlSheetHidden: 0,
  xlSheetVeryHidden: 2,
  // XlSheetType
  xlWorksheet: -4167,
  // Constants / XlColorIndex
  xlNone: -4142,
  xlColorIndexNone: -4142,
  xlColorIndexAutomatic: -4105,
  xlAutomatic: -4105,
  // XlPattern
  xlPatternNone: -4142,
  xlPatternSolid: 1,
  xlSolid: 1,
  xlPatternAutomatic: -4105,
  xlPatternChecker: 9,
  xlPatternCrissCross: 16,
  xlPatternDown: -4121,
  xlPatternGray16: 17,
  xlPatternGray25: -4124,
  xlPatternGray50: -4125,
  xlPatternGray75: -4126,
  xlPatternGray8: 18,
  xlPatternGrid: 15,
  xlPatternHorizontal: -4128,
  xlPatternLightDown: 13,
  xlPatternLightHorizontal: 11,
  xlPatternLightUp: 14,
  xlPatternLightVertical: 12,
  xlPatternSemiGray75: 10,
  xlPatternUp: -4162,
  xlPatternVertical: -4166,
  // XlLineStyle
  xlContinuous: 1,
  xlDash: -4115,
  xlDashDot: 4,
  xlDashDotDot: 5,
  xlDot: -4118,
  xlDouble: -4119,
  xlSlantDashDot: 13,
  xlLineStyleNone: -4142,
  // XlBorderWeight
  xlHairline: 1,
  xlThin: 2,
  xlMedium: -4138,
  xlThick: 4,
  // XlBordersIndex
  xlDiagonalDown: 5,
  xlDiagonalUp: 6,
  xlEdgeLeft: 7,
  xlEdgeTop: 8,
  xlEdgeBottom: 9,
  xlEdgeRight: 10,
  xlInsideVertical: 11,
  xlInsideHorizontal: 12,
  // XlHAlign
  xlHAlignGeneral: 1,
  xlHAlignLeft: -4131,
  xlHAlignCenter: -4108,
  xlHAlignRight: -4152,
  xlHAlignFill: 5,
  xlHAlignJustify: -4130,
  xlHAlignCenterAcrossSelection: 7,
  xlHAlignDistributed: -4117,
  // XlVAlign
  xlVAlignTop: -4160,
  xlVAlignCenter: -4108,
  xlVAlignBottom: -4107,
  xlVAlignJustify: -4130,
  xlVAlignDistributed: -4117,
  // XlDVType
  xlValidateInputOnly: 0,
  xlValidateWholeNumber: 1,
  xlValidateDecimal: 2,
  xlValidateList: 3,
  xlValidateDate: 4,
  xlValidateTime: 5,
  xlValidateTextLength: 6,
  xlValidateCustom: 7,
  // XlDVAlertStyle
  xlValidAlertStop: 1,
  xlValidAlertWarning: 2,
  xlValidAlertInformation: 3,
  // XlFormatConditionOperator
  xlBetween: 1,
  xlNotBetween: 2,
  xlEqual: 3,
  xlNotEqual: 4,
  xlGreater: 5,
  xlLess: 6,
  xlGreaterEqual: 7,
  xlLessEqual: 8,
  // XlPageOrientation, XlPaperSize
  xlPortrait: 1,
  xlLandscape: 2,
  xlPaperA4: 9,
  xlPaperA3: 8,
  xlPaperLetter: 1,
  // XlDeleteShiftDirection
  xlShiftUp: -4162,
  xlShiftToLeft: -4159,
  // MsoCTPDockPosition (task panes)
  msoCTPDockPositionLeft: 0,
  msoCTPDockPositionTop: 1,
  msoCTPDockPositionRight: 2,
  msoCTPDockPositionBottom: 3,
  msoCTPDockPositionFloating: 4,
  // MsoDocProperties (custom document property types)
  msoPropertyTypeNumber: 1,
  msoPropertyTypeBoolean: 2,
  msoPropertyTypeDate: 3,
  msoPropertyTypeString: 4,
  msoPropertyTypeFloat: 5,
} as const;

/**
 * Excel's error values as a COM bridge passes them in `Value2`: VT_ERROR with the CVErr code
 * (0x800A07D0 + xlErr). Whether WPS's JS bridge passes these integers, strings or something else is
 * not documented (see README); `Text` shows "#DIV/0!" either way.
 */
export const CVERR: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};
