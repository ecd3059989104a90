import type { KitLocale } from '../ui/messages';

/**
 * "before ← after" in right-to-left text: the right-to-left marks around the arrow keep the two
 * figures (left-to-right runs) from joining into one run, so "before" reads first, on the right.
 */
const arrow = (before: string, after: string): string => `${before} \u200f←\u200f ${after}`;

/** Why a max is 0, by the `bound` param of a 'noneAvailable' error. */
const ZERO_BOUNDS: Readonly<Record<string, string>> = {
  maintenanceMargin: ': المحفظة المعزولة عند هامش الصيانة',
  initialMargin: ': رصيد الهامش يغطي الهامش الأولي بسعر العلامة فقط',
  unrealizedLoss: ': الخسارة غير المحققة تستهلك الهامش الزائد عن الهامش الأولي',
  availableBalance: ': لا يوجد رصيد متاح في المحفظة المتقاطعة',
};

const zeroBound = (bound: string | undefined): string =>
  bound !== undefined && Object.hasOwn(ZERO_BOUNDS, bound) ? ZERO_BOUNDS[bound]! : '';

const forAsset = (p: Readonly<Record<string, string>>): string => (p.asset ? ` لـ ${p.asset}` : '');

const side = (long: boolean): string => (long ? 'طويل' : 'قصير');

/** Arabic, right to left, in the words of Binance's Arabic futures interface (الهامش، سعر التصفية، سعر العلامة، معزول/متقاطع). */
export const ar: KitLocale = {
  locale: 'ar',
  dir: 'rtl',
  messages: {
    title: 'تعديل الهامش',
    close: 'إغلاق',
    add: 'إضافة',
    remove: 'إزالة',
    modeLegend: 'إضافة الهامش أو إزالته',
    amount: 'المبلغ',
    max: 'الحد الأقصى',
    percentOfMax: (p) => `${p}%`,
    confirm: (type, amount) => `${type === 'ADD' ? 'إضافة' : 'إزالة'} ${amount ?? 'الهامش'}`,
    confirming: (type, amount) => `${type === 'ADD' ? 'جارٍ إضافة' : 'جارٍ إزالة'} ${amount}…`,
    pendingReason: 'في انتظار رد المنصة. يمكنك إغلاق هذه النافذة: يستمر الطلب، وسيُعلَن عن نتيجته.',
    maxHeadroom: (percent) => `يترك الحد الأقصى هامشًا لتحرك السعر بنسبة ${percent}`,
    useNewMaxAndConfirm: 'استخدام الحد الأقصى الجديد والتأكيد',
    receiptAction: (type, amount, position) =>
      type === 'ADD' ? `تمت إضافة ${amount} إلى ${position}` : `تمت إزالة ${amount} من ${position}`,
    receiptMargin: (before, after) => `الهامش ${arrow(before, after)}`,
    receiptLiquidation: (before, after) => `سعر التصفية التقديري ${arrow(before, after)}`,
    receiptSummary: (lines) => lines.join(' · '),
    done: 'تم',
    maxAddable: 'الحد الأقصى للإضافة',
    maxRemovable: 'الحد الأقصى للإزالة',
    exactLimit: 'القيمة الدقيقة',
    exactLimitValue: (value) => `القيمة الدقيقة: ${value}، وهي ما يملؤه زر الحد الأقصى`,
    limitedBy: (b) => (b === 'maintenanceMargin' ? 'مقيد بهامش الصيانة' : 'مقيد بالهامش الأولي عند سعر العلامة'),
    whyLimited: 'لماذا؟',
    limitExplanation: (b) =>
      b === 'maintenanceMargin'
        ? 'لا يجوز أن تنخفض المحفظة المعزولة عن هامش الصيانة، ولا يُحتسب الربح غير المحقق فيه: تُحتسب المحفظة فقط.'
        : 'يجب أن يظل رصيد الهامش (المحفظة مع الأرباح والخسائر غير المحققة) كافيًا لتغطية الهامش الأولي بسعر العلامة الحالي. يتغير هذا الحد مع كل تحديث لسعر العلامة.',
    follows: (p) => (p === 100 ? 'يتبع الحد الأقصى المباشر مع تحرك السعر' : `${p}% من الحد الأقصى المباشر، يتبع السعر`),
    margin: 'الهامش',
    leverage: 'الرافعة المالية',
    effectiveLeverage: 'الرافعة المالية الفعلية',
    effectiveLeverageHint:
      'القيمة الاسمية بسعر العلامة مقسومة على رصيد الهامش (المحفظة المعزولة زائد الربح والخسارة غير المحققة)',
    liquidationPrice: 'سعر التصفية التقديري',
    markPrice: 'سعر العلامة',
    entryPrice: 'سعر الدخول',
    before: 'الآن',
    after: 'بعد',
    noLiquidationPrice: '—',
    noLiquidationReason: 'لا يوجد سعر تصفية: الهامش يغطي المركز بالكامل.',
    marginRatio: 'نسبة الهامش',
    liquidationDistance: 'المسافة من سعر العلامة إلى سعر التصفية',
    removalWarning: (distance, threshold) =>
      `قريب من التصفية: بعد هذه الإزالة يبعد سعر التصفية ${distance} عن سعر العلامة (ضمن ${threshold}).`,
    removalAcknowledge: 'أدرك أن المركز قد يُصفّى بعد تحرك بسيط في السعر',
    removalAcknowledgeReason: 'لإزالة هذا المبلغ، حدد أولًا «أدرك» أعلاه.',
    markAge: (s) => (s < 1 ? 'حُدّث الآن' : `حُدّث قبل ${s} ث`),
    markWaiting: 'في انتظار سعر العلامة',
    feedState: (state) =>
      state === 'live'
        ? 'مباشر'
        : state === 'stale'
          ? 'قديم: لا يوجد سعر علامة جديد، وقد تكون الأرقام غير محدثة'
          : 'قديم: يُعاد الاتصال بمصدر الأسعار، وقد تكون الأرقام غير محدثة',
    staleBlocksRemove: 'تتطلب إزالة الهامش سعر علامة مباشرًا.',
    sideLong: 'طويل',
    sideShort: 'قصير',
    hedgeSide: (s) => (s === 'BOTH' ? 'اتجاه واحد' : `تحوط ${side(s === 'LONG')}`),
    positionName: (symbol, sideName) => `${symbol} ${sideName}`,
    hedge: 'تحوط',
    isolated: 'معزول',
    cross: 'متقاطع',
    // Isolated left to right: "10×", not "×10", inside right-to-left text.
    leverageBadge: (l) => `\u2066${l}×\u2069`,
    leverageSetting: (l) => `إعداد الرافعة المالية: ${l}×`,
    positionDescription: (symbol, sideName, mode, leverage) => `${symbol} ${sideName} · ${mode} · ${leverage}×`,
    loading: 'جارٍ تحميل المركز…',
    loadingPositions: 'جارٍ تحميل المراكز…',
    loadError: 'تعذر تحميل المركز.',
    closedTitle: 'المركز مغلق',
    closedBody: 'أُغلق هذا المركز أو صُفّي. لا يمكن إرسال أي شيء.',
    notIsolated: 'لا يمكن تعديل الهامش إلا في مركز معزول.',
    limitMoved: (m) => `تغير الحد أثناء الكتابة: الحد الأقصى الآن ${m}. لم يُرسل أي شيء.`,
    useNewMax: 'استخدام الحد الأقصى الجديد',
    failed: (m, position) => `لم يُعدَّل ${position}: ${m}`,
    retryHint: 'تم الاحتفاظ بالمبلغ؛ يمكنك المحاولة مرة أخرى.',
    unknownOutcome: (m, position) => `النتيجة غير معروفة لـ ${position}: ${m}`,
    unknownOutcomeHint: 'تحقق من هامش المركز قبل المحاولة مرة أخرى؛ تم الاحتفاظ بالمبلغ.',
    adjustErrors: {
      insufficientCrossBalance: 'الرصيد المتاح في المحفظة المتقاطعة غير كافٍ لإضافة هذا المبلغ.',
      insufficientIsolatedBalance: 'المبلغ أكبر مما يمكن إزالته الآن؛ تغير الحد مع سعر العلامة.',
      noPosition: 'المركز مغلق؛ لا يوجد هامش لتعديله.',
      invalidAmount: 'لم تقبل المنصة هذا المبلغ.',
      notIsolated: 'لا يمكن تعديل الهامش إلا في مركز معزول.',
      liquidating: 'تجري تصفية الحساب؛ لا يمكن تغيير الهامش الآن.',
      network: 'لم يصل الطلب إلى المنصة؛ لم يتغير الهامش.',
      timeout: 'لم ترد المنصة في الوقت المحدد.',
      unknown: 'فشل الطلب لسبب غير متوقع.',
    },
    exchangeSaid: (text, code) => (code === undefined ? `المنصة: ${text}` : `المنصة (الرمز ${code}): ${text}`),
    useMax: 'استخدام الحد الأقصى',
    ladderLabel: 'سلم الأسعار',
    ladderText: ({ mark, entry, liqNow, liqAfter }) =>
      `سعر العلامة ${mark}، سعر الدخول ${entry}، سعر التصفية الآن ${liqNow}، وبعد التعديل ${liqAfter}.`,
    ladderSlider: 'سعر التصفية بعد التعديل',
    inputModeLegend: 'أدخل التغيير بصيغة',
    inputModeAmount: 'المبلغ',
    inputModeTarget: 'سعر التصفية المستهدف',
    targetLiquidationPrice: 'سعر التصفية المستهدف',
    targetWrongSide: (long) =>
      long
        ? 'يجب أن يكون سعر تصفية المركز الطويل أقل من سعر العلامة: عند هذا الهدف سيُصفّى المركز فورًا.'
        : 'يجب أن يكون سعر تصفية المركز القصير أعلى من سعر العلامة: عند هذا الهدف سيُصفّى المركز فورًا.',
    targetNoLiquidation: 'لا يوجد سعر تصفية عند هذا الهدف: يظل المركز مغطى بالكامل حتى بعد إزالة الحد الأقصى.',
    targetAtTarget: 'سعر التصفية عند هذا الهدف بالفعل.',
    targetBeyondMax: (type, closest) =>
      `يتطلب هذا الهدف أكثر من الحد الأقصى ${type === 'ADD' ? 'للإضافة' : 'للإزالة'}${closest ? `؛ أقرب هدف ممكن هو ${closest}` : ''}.`,
    useClosest: 'استخدام الأقرب',
    targetPriceErrors: {
      sign: () => 'أدخل السعر بدون إشارة',
      notFinite: () => 'أدخل سعرًا محدودًا: لا تُقبل NaN و Infinity',
      zero: () => 'أدخل سعرًا أكبر من 0',
    },
    amountErrors: {
      empty: () => 'أدخل مبلغًا',
      tooLong: (p) => `أدخل ${p.maxLengthText ?? p.maxLength} حرفًا على الأكثر`,
      bidiControl: (p) => `احذف حرف اتجاه النص المخفي (${p.codePoint}): فهو يغير طريقة عرض المبلغ`,
      mixedScripts: (p) => `استخدم أرقامًا من نظام واحد فقط، مثل 1234${p.decimal ?? '.'}56`,
      notANumber: (p) => `استخدم الأرقام فقط، مثل 1234${p.decimal ?? '.'}56`,
      wrongDecimalSeparator: (p) => `استخدم «${p.decimal ?? '.'}» فاصلًا عشريًا`,
      exponent: () => 'لا يُقبل الترميز العلمي مثل 1e5',
      sign: () => 'أدخل المبلغ بدون إشارة',
      notFinite: () => 'أدخل مبلغًا محدودًا: لا تُقبل NaN و Infinity',
      zero: () => 'أدخل مبلغًا أكبر من 0',
      tooManyDecimals: (p) =>
        p.decimals === '0'
          ? `أرقام صحيحة فقط${forAsset(p)}`
          : `الحد الأقصى للخانات العشرية: ${p.decimalsText ?? p.decimals}${forAsset(p)}`,
      overLimit: (p) => `أدخل ${p.maxText ?? p.max}${p.asset ? ` ${p.asset}` : ''} على الأكثر`,
      noneAvailable: (p) => `${p.asset ? `لا يتوفر ${p.asset}` : 'لا يتوفر شيء'}${zeroBound(p.bound)}`,
      limitUnknown: () => 'المبلغ المتاح غير معروف بعد',
    },
    positions: 'المراكز',
    columns: {
      symbol: 'الرمز',
      side: 'الاتجاه',
      size: 'الحجم',
      entryPrice: 'سعر الدخول',
      markPrice: 'سعر العلامة',
      liquidationPrice: 'سعر التصفية',
      margin: 'الهامش',
      marginMode: 'وضع الهامش',
      unrealizedPnl: 'الأرباح والخسائر غير المحققة',
      leverage: 'الرافعة المالية',
      marginRatio: 'نسبة الهامش',
      roe: 'العائد على حقوق الملكية',
    },
    contractsUnit: 'عقد',
    separator: ' · ',
    dismiss: 'إخفاء',
    editMargin: (symbol, sideName) => `تعديل هامش ${symbol} ${sideName}`,
    noPositions: 'لا توجد مراكز مفتوحة.',
    unavailable: (what, field) => `غير متاح: ${field ? `الحقل ${field}` : 'المركز'} من المصدر ${what}.`,
    snapshotProblems: {
      notAnObject: 'ليس كائنًا',
      notAList: 'ليس قائمة',
      empty: 'فارغ',
      tooMany: 'يحتوي على عناصر كثيرة جدًا',
      unreadable: 'لا يمكن قراءته',
      missing: 'مفقود',
      notName: 'ليس اسمًا صالحًا',
      notOneOf: 'ليس قيمة مسموحًا بها',
      notDecimal: 'ليس رقمًا عشريًا بسيطًا',
      notFinite: 'ليس رقمًا محدودًا',
      notInteger: 'ليس رقمًا صحيحًا',
      tooLarge: 'كبير جدًا',
      tooPrecise: 'يحتوي على خانات عشرية كثيرة جدًا',
      notPositive: 'ليس أكبر من 0',
      negative: 'أقل من 0',
      outOfRange: 'خارج النطاق',
      wrongSign: 'بإشارة الاتجاه الآخر',
      notAscending: 'ليس أعلى من الحد الأدنى للشريحة',
      notContiguous: 'لا يبدأ من حيث تنتهي الشريحة السابقة',
      unboundedCap: 'غير محدود تحت الشريحة العليا',
      duplicate: 'مكرر',
      assetUnavailable: 'ليس له محفظة صالحة للاستخدام',
      notListed: 'ليس له بيانات مرجعية لدى المنصة',
    },
    dialogFault: 'حدث خطأ أثناء عرض هذا المركز. لم يُرسل أي شيء.',
    tableFault: 'حدث خطأ أثناء عرض المراكز.',
    retry: 'إعادة المحاولة',
    account: {
      summary: 'ملخص الحساب',
      loading: 'جارٍ تحميل الحساب…',
      loadError: 'تعذر تحميل الحساب.',
      crossWalletBalance: 'رصيد المحفظة المتقاطعة',
      crossUnrealizedPnl: 'الأرباح والخسائر غير المحققة (متقاطع)',
      availableForOrder: 'المتاح للأوامر',
      maxAddable: 'الحد الأقصى للإضافة إلى المعزول',
      maxWithdrawable: 'الحد الأقصى للتحويل إلى الخارج',
      incomplete: 'تعذرت قراءة مركز بهذا الأصل، لذلك لا تُعرض حدوده.',
      transfer: 'تحويل',
      transferTitle: 'التحويل إلى الخارج',
      transferRoute: (asset) => `${asset} من محفظة العقود الآجلة إلى المحفظة الفورية`,
      limitMoved: (max) => `تغير الحد الأقصى للتحويل إلى الخارج أثناء الكتابة: أصبح الآن ${max}. لم يُرسل أي شيء.`,
      failed: (message) => `لم يتم التحويل: ${message}`,
      unknownOutcome: (message) => `النتيجة غير معروفة: ${message}`,
      unknownOutcomeHint: 'تحقق من محفظة العقود الآجلة قبل المحاولة مرة أخرى؛ تم الاحتفاظ بالمبلغ.',
      errors: {
        insufficientCrossBalance: 'المبلغ أكبر مما يمكن أن يخرج من محفظة العقود الآجلة الآن.',
        insufficientIsolatedBalance: 'المبلغ أكبر مما يمكن أن يخرج من محفظة العقود الآجلة الآن.',
        noPosition: 'لم تقبل المنصة هذا التحويل.',
        invalidAmount: 'لم تقبل المنصة هذا المبلغ.',
        notIsolated: 'لم تقبل المنصة هذا التحويل.',
        liquidating: 'تجري تصفية الحساب؛ لا يمكن تحويل أي شيء الآن.',
        network: 'لم يصل الطلب إلى المنصة؛ لم يُحوَّل أي شيء.',
        timeout: 'لم ترد المنصة في الوقت المحدد.',
        unknown: 'فشل التحويل لسبب غير متوقع.',
      },
      transferred: (amount) => `تم تحويل ${amount} إلى المحفظة الفورية.`,
      receiptWallet: (before, after) => `المحفظة المتقاطعة ${arrow(before, after)}`,
      confirm: (amount) => (amount === null ? 'التحويل إلى الخارج' : `تحويل ${amount}`),
      confirming: (amount) => `جارٍ تحويل ${amount}…`,
      fault: 'حدث خطأ أثناء عرض هذا التحويل. لم يُرسل أي شيء.',
      summaryFault: 'حدث خطأ أثناء عرض ملخص الحساب.',
    },
  },
};
