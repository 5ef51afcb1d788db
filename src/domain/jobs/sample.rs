//! Sample job postings: realistic, deterministic and clearly marked as not
//! real (`sample = true`, a sample `source`, a contact that only points to the
//! local service centre).
//!
//! The jobs are the kinds the five regional plans name (云客服, 云审核, 数据标注,
//! 有声书演播, 短视频, 电商客服, 盲人保健按摩 and 盲人医疗按摩, the rural
//! 公益性岗位, 社区服务, 辅助性就业, 见习 in 机关/事业单位/国企) plus ordinary
//! posts, placed in real districts of the five regions. Employer names are
//! made up; no posting carries a phone number, a person or a real company's
//! contact.
//!
//! Posting `n` (1-based) depends only on the seed and `n`, never on the
//! count: `generate(10, s)` is the first ten of `generate(1000, s)`. The
//! generator uses its own splitmix64 and integer arithmetic only, so a seed
//! gives the same postings on every platform.

use super::{Category, EmployerKind, JobKind, Posting};

/// The `source` of every sample posting.
pub const SOURCE: &str = "示例数据（tingjian jobs sample 生成）";

/// The contacts sample postings give: never a number, a person or a company.
pub const CONTACTS: &[&str] = &[
    "示例数据：请向当地残疾人就业服务机构咨询",
    "示例数据：请向当地残联就业服务窗口咨询",
    "示例数据：无真实联系方式，请向所在街道（乡镇）残联咨询",
];

/// `count` sample postings, ids `sample-<seed>-1` … `sample-<seed>-<count>`.
pub fn generate(count: usize, seed: u64) -> Vec<Posting> {
    let mut out = Vec::with_capacity(count);
    generate_each(count, seed, |p| out.push(p));
    out
}

/// The same postings as [`generate`], handed over one at a time (for
/// benchmarks and bulk loads that should not hold them all).
/// Write `count` sample postings as a JSON array, one posting per line (so
/// the bundled file diffs well). The bundled `data/jobs/sample.json` is this
/// output for count 300, seed 1; a test keeps it so.
pub fn write_json(count: usize, seed: u64, mut w: impl std::io::Write) -> std::io::Result<()> {
    w.write_all(b"[\n")?;
    let mut result = Ok(());
    let mut first = true;
    generate_each(count, seed, |p| {
        if result.is_err() {
            return;
        }
        let line = serde_json::to_string(&p).unwrap_or_default();
        result = if first {
            write!(w, "{line}")
        } else {
            write!(w, ",\n{line}")
        };
        first = false;
    });
    result?;
    w.write_all(b"\n]\n")
}

pub fn generate_each(count: usize, seed: u64, mut f: impl FnMut(Posting)) {
    for n in 1..=count {
        f(posting(seed, n as u64));
    }
}

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    /// A number in `0..n` (0 when `n` is 0), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi.saturating_sub(lo)) + 1) as u32
    }
    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A prefecture-level city and the districts (区/县/县级市) postings are placed in.
struct City {
    province: &'static str,
    city: &'static str,
    /// Approximate monthly minimum wage in yuan (2025 tiers), for realistic pay only.
    min_wage: u32,
    /// Market pay level, percent of a Guiyang-level city.
    level: u32,
    /// Districts, and whether rural 公益性岗位 (保洁、护林、书屋) fit there.
    districts: &'static [(&'static str, bool)],
}

const GUANGDONG: &[City] = &[City {
    province: "广东",
    city: "广州",
    min_wage: 2500,
    level: 125,
    districts: &[
        ("越秀区", false),
        ("海珠区", false),
        ("荔湾区", false),
        ("天河区", false),
        ("白云区", false),
        ("黄埔区", false),
        ("番禺区", false),
        ("花都区", true),
        ("南沙区", true),
        ("从化区", true),
        ("增城区", true),
    ],
}];

const GUIZHOU: &[City] = &[
    City {
        province: "贵州",
        city: "贵阳",
        min_wage: 2130,
        level: 100,
        districts: &[
            ("云岩区", false),
            ("南明区", false),
            ("观山湖区", false),
            ("花溪区", true),
            ("乌当区", true),
            ("白云区", false),
            ("清镇市", true),
            ("修文县", true),
            ("开阳县", true),
            ("息烽县", true),
        ],
    },
    City {
        province: "贵州",
        city: "遵义",
        min_wage: 1990,
        level: 92,
        districts: &[
            ("红花岗区", false),
            ("汇川区", false),
            ("播州区", true),
            ("仁怀市", true),
            ("桐梓县", true),
            ("湄潭县", true),
        ],
    },
    City {
        province: "贵州",
        city: "六盘水",
        min_wage: 1990,
        level: 88,
        districts: &[
            ("钟山区", false),
            ("水城区", true),
            ("盘州市", true),
            ("六枝特区", true),
        ],
    },
    City {
        province: "贵州",
        city: "安顺",
        min_wage: 1990,
        level: 88,
        districts: &[
            ("西秀区", false),
            ("平坝区", true),
            ("普定县", true),
            ("镇宁布依族苗族自治县", true),
        ],
    },
    City {
        province: "贵州",
        city: "毕节",
        min_wage: 1870,
        level: 85,
        districts: &[
            ("七星关区", false),
            ("大方县", true),
            ("黔西市", true),
            ("织金县", true),
            ("威宁彝族回族苗族自治县", true),
        ],
    },
    City {
        province: "贵州",
        city: "铜仁",
        min_wage: 1870,
        level: 85,
        districts: &[
            ("碧江区", false),
            ("万山区", true),
            ("江口县", true),
            ("思南县", true),
            ("松桃苗族自治县", true),
        ],
    },
];

const SHANDONG: &[City] = &[City {
    province: "山东",
    city: "青岛",
    min_wage: 2200,
    level: 110,
    districts: &[
        ("市南区", false),
        ("市北区", false),
        ("李沧区", false),
        ("崂山区", true),
        ("黄岛区", true),
        ("城阳区", false),
        ("即墨区", true),
        ("胶州市", true),
        ("平度市", true),
        ("莱西市", true),
    ],
}];

const JIANGSU: &[City] = &[City {
    province: "江苏",
    city: "连云港",
    min_wage: 2260,
    level: 95,
    districts: &[
        ("海州区", false),
        ("连云区", true),
        ("赣榆区", true),
        ("东海县", true),
        ("灌云县", true),
        ("灌南县", true),
    ],
}];

const JIANGXI: &[City] = &[
    City {
        province: "江西",
        city: "南昌",
        min_wage: 2000,
        level: 100,
        districts: &[
            ("东湖区", false),
            ("西湖区", false),
            ("青云谱区", false),
            ("青山湖区", false),
            ("红谷滩区", false),
            ("新建区", true),
            ("南昌县", true),
            ("进贤县", true),
            ("安义县", true),
        ],
    },
    City {
        province: "江西",
        city: "九江",
        min_wage: 1870,
        level: 92,
        districts: &[
            ("浔阳区", false),
            ("濂溪区", false),
            ("柴桑区", true),
            ("瑞昌市", true),
            ("庐山市", true),
            ("都昌县", true),
            ("修水县", true),
        ],
    },
    City {
        province: "江西",
        city: "赣州",
        min_wage: 1870,
        level: 92,
        districts: &[
            ("章贡区", false),
            ("南康区", true),
            ("赣县区", true),
            ("瑞金市", true),
            ("于都县", true),
            ("兴国县", true),
            ("宁都县", true),
        ],
    },
    City {
        province: "江西",
        city: "上饶",
        min_wage: 1870,
        level: 88,
        districts: &[
            ("信州区", false),
            ("广丰区", true),
            ("广信区", true),
            ("鄱阳县", true),
            ("余干县", true),
            ("婺源县", true),
        ],
    },
    City {
        province: "江西",
        city: "宜春",
        min_wage: 1870,
        level: 88,
        districts: &[
            ("袁州区", false),
            ("樟树市", true),
            ("丰城市", true),
            ("高安市", true),
            ("靖安县", true),
        ],
    },
    City {
        province: "江西",
        city: "吉安",
        min_wage: 1740,
        level: 85,
        districts: &[
            ("吉州区", false),
            ("青原区", true),
            ("井冈山市", true),
            ("吉安县", true),
            ("泰和县", true),
            ("永丰县", true),
        ],
    },
];

/// The five regions of the plans, equally likely.
const REGIONS: &[&[City]] = &[GUANGDONG, GUIZHOU, SHANDONG, JIANGSU, JIANGXI];

/// Made-up words for employer names.
const BRANDS: &[&str] = &[
    "云声", "知音", "启明", "明途", "向阳", "同心", "助航", "春晖", "博爱", "康宁", "慧听", "星光",
    "和畅", "暖阳", "远帆", "青禾", "安澜", "乐群", "德馨", "聆风", "拾光", "益行", "恒信", "嘉禾",
];
/// Made-up 街道 (urban sub-district) names.
const STREETS: &[&str] = &[
    "春晖", "明德", "青松", "翠湖", "凤鸣", "望江", "兴隆", "桂园", "文昌", "金沙",
];
/// Made-up 乡镇 names.
const TOWNS: &[&str] = &[
    "青松镇",
    "龙泉镇",
    "石桥镇",
    "白沙镇",
    "清溪镇",
    "枫林乡",
    "上坪镇",
    "桃源镇",
    "高坡乡",
    "新田镇",
    "双河镇",
    "长岭乡",
];
/// Made-up 行政村 names.
const VILLAGES: &[&str] = &[
    "杨柳村",
    "河口村",
    "新塘村",
    "松林村",
    "大坪村",
    "茶园村",
    "竹溪村",
    "上寨村",
];

/// How a template's pay is worked out.
#[derive(Clone, Copy)]
enum Pay {
    /// A monthly range for a Guiyang-level city, scaled by the city's level;
    /// never below the local minimum wage.
    Market(u32, u32),
    /// Percent of the local minimum wage, low and high (公益性岗位).
    Welfare(u32, u32),
    /// A fixed monthly range (辅助性就业 pays by the piece, often less).
    Sheltered(u32, u32),
    /// 见习补贴: the local minimum wage.
    Stipend,
}

use Category::{Hearing, Intellectual, Multiple, Physical, Psychosocial, Speech, Visual};
use EmployerKind::{
    Government, Individual, PrivateEnterprise, PublicInstitution, SocialOrganisation,
    StateEnterprise,
};

/// One kind of job. Text patterns may use {city}, {district}, {brand} (the
/// employer's made-up name), {park} (another made-up name, for business
/// parks and buildings), {street}, {town} and {village}; workplaces also
/// {employer}.
struct Template {
    weight: u32,
    kind: JobKind,
    titles: &'static [&'static str],
    employers: &'static [(EmployerKind, &'static str)],
    /// Who it may suit: a subset is chosen; a single category is always kept.
    suits: &'static [Category],
    /// Percent of these postings that are home-based (居家就业).
    home: u64,
    /// A rural post: placed only in districts marked rural.
    rural: bool,
    /// Done at a computer: visual postings then mention screen readers.
    computer: bool,
    pay: Pay,
    hours: &'static [&'static str],
    /// Always stated (certificates).
    must: &'static [&'static str],
    /// One to three of these are stated.
    requirements: &'static [&'static str],
    accessibility: &'static [&'static str],
    apply: &'static [&'static str],
    workplaces: &'static [&'static str],
}

const APPLY_CENTRE: &str = "通过当地残疾人就业服务机构报名";
const APPLY_PLATFORM: &str = "在残疾人就业创业网络服务平台投递简历";
const HOURS_FULL: &str = "每周五天，每天8小时";
const HOURS_FLEX: &str = "弹性时间，每天4小时";

const TEMPLATES: &[Template] = &[
    Template {
        weight: 9,
        kind: JobKind::OpenMarket,
        titles: &["云客服专员", "语音客服坐席", "云客服话务员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}信息技术有限公司"),
            (PrivateEnterprise, "{city}{brand}客户服务外包有限公司"),
            (StateEnterprise, "{city}{brand}数字科技有限公司"),
        ],
        suits: &[Visual, Physical],
        home: 70,
        rural: false,
        computer: true,
        pay: Pay::Market(3000, 4800),
        hours: &[
            HOURS_FULL,
            HOURS_FLEX,
            "每周五天，轮班，每天8小时",
            "做五休二，早班或晚班",
        ],
        must: &[],
        requirements: &[
            "普通话标准",
            "能熟练使用电脑",
            "有耐心，沟通表达能力好",
            "有客服经验者优先",
        ],
        accessibility: &["提供岗前线上培训", "公司配发耳麦"],
        apply: &[
            APPLY_PLATFORM,
            APPLY_CENTRE,
            "线上语音面试，通过后签订劳动合同",
        ],
        workplaces: &[
            "{district}{park}数字产业园",
            "{district}（具体地址面试时告知）",
        ],
    },
    Template {
        weight: 6,
        kind: JobKind::OpenMarket,
        titles: &["云审核员", "网络内容审核员", "图文内容审核专员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}网络科技有限公司"),
            (PrivateEnterprise, "{city}{brand}信息技术有限公司"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 50,
        rural: false,
        computer: true,
        pay: Pay::Market(2800, 4500),
        hours: &[HOURS_FULL, "每周五天，三班倒", "做五休二，每天8小时"],
        must: &[],
        requirements: &[
            "能熟练使用电脑",
            "能长时间阅读屏幕上的文字和图片",
            "熟悉网络用语，判断力好",
            "高中及以上学历",
        ],
        accessibility: &["提供岗前线上培训", "培训和工作安排以文字发送"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &[
            "{district}{park}数字产业园",
            "{district}（具体地址面试时告知）",
        ],
    },
    Template {
        weight: 6,
        kind: JobKind::OpenMarket,
        titles: &["数据标注员", "图像数据标注员", "AI训练数据标注员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}数据科技有限公司"),
            (PrivateEnterprise, "{city}{brand}智能科技有限公司"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 40,
        rural: false,
        computer: true,
        pay: Pay::Market(2800, 4500),
        hours: &[HOURS_FULL, HOURS_FLEX, "按任务量计件，时间自由"],
        must: &[],
        requirements: &[
            "能熟练使用电脑",
            "细心，能重复操作",
            "中专及以上学历",
            "有标注经验者优先",
        ],
        accessibility: &["提供岗前线上培训", "电脑和标注软件由公司提供"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &[
            "{district}{park}大数据产业园",
            "{district}（具体地址面试时告知）",
        ],
    },
    Template {
        weight: 4,
        kind: JobKind::OpenMarket,
        titles: &["语音数据标注员", "语音转写员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}数据科技有限公司"),
            (PrivateEnterprise, "{city}{brand}智能科技有限公司"),
        ],
        suits: &[Visual, Physical],
        home: 60,
        rural: false,
        computer: true,
        pay: Pay::Market(2800, 4500),
        hours: &[HOURS_FLEX, "按任务量计件，时间自由", HOURS_FULL],
        must: &[],
        requirements: &[
            "听力良好，普通话标准",
            "熟悉当地方言者优先",
            "打字速度每分钟40字以上",
        ],
        accessibility: &["标注工具支持键盘操作", "提供岗前线上培训"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &["{district}{park}大数据产业园"],
    },
    Template {
        weight: 5,
        kind: JobKind::OpenMarket,
        titles: &["有声书演播员", "有声读物主播", "音频节目主播"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}文化传媒有限公司"),
            (PrivateEnterprise, "{city}{brand}有声文化有限公司"),
        ],
        suits: &[Visual, Physical],
        home: 80,
        rural: false,
        computer: true,
        pay: Pay::Market(2500, 7000),
        hours: &["按录制任务计件，时间自由", HOURS_FLEX],
        must: &["普通话标准"],
        requirements: &[
            "普通话二级甲等及以上",
            "声音条件好，有录音经验者优先",
            "能按时交稿",
            "喜欢阅读",
        ],
        accessibility: &["提供录音设备", "稿件提供电子文本", "提供演播线上培训"],
        apply: &["线上试音，通过后签约", APPLY_CENTRE],
        workplaces: &["{employer}录音棚"],
    },
    Template {
        weight: 5,
        kind: JobKind::OpenMarket,
        titles: &[
            "短视频运营专员",
            "短视频剪辑师",
            "新媒体运营助理",
            "直播带货助理",
        ],
        employers: &[
            (PrivateEnterprise, "{city}{brand}文化传媒有限公司"),
            (PrivateEnterprise, "{city}{brand}电子商务有限公司"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 30,
        rural: false,
        computer: true,
        pay: Pay::Market(3000, 6500),
        hours: &[HOURS_FULL, "做五休二，直播日需晚班"],
        must: &[],
        requirements: &[
            "会使用剪映等剪辑软件",
            "有短视频运营经验者优先",
            "熟悉本地农特产品者优先",
            "中专及以上学历",
        ],
        accessibility: &["提供短视频制作培训", "剪辑电脑由公司提供"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &["{district}{park}电商直播基地", "{district}{park}创业孵化园"],
    },
    Template {
        weight: 7,
        kind: JobKind::OpenMarket,
        titles: &["电商客服", "网店在线客服", "售后客服专员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}电子商务有限公司"),
            (PrivateEnterprise, "{city}{brand}商贸有限公司"),
        ],
        suits: &[Visual, Hearing, Speech, Physical],
        home: 60,
        rural: false,
        computer: true,
        pay: Pay::Market(2800, 4800),
        hours: &[HOURS_FULL, HOURS_FLEX, "白班、晚班轮换，每天8小时"],
        must: &[],
        requirements: &[
            "打字速度每分钟40字以上",
            "能熟练使用电脑",
            "有网店客服经验者优先",
            "有耐心，服务意识强",
        ],
        accessibility: &["全部以文字聊天接待，无需接听电话", "提供岗前线上培训"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &["{district}{park}电商产业园"],
    },
    Template {
        weight: 3,
        kind: JobKind::OpenMarket,
        titles: &["电话回访专员", "客户回访员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}健康管理有限公司"),
            (StateEnterprise, "{city}{brand}燃气有限公司"),
        ],
        suits: &[Visual, Physical],
        home: 30,
        rural: false,
        computer: true,
        pay: Pay::Market(2800, 4300),
        hours: &[HOURS_FULL, HOURS_FLEX],
        must: &[],
        requirements: &["普通话标准", "说话清楚，有礼貌", "能熟练使用电脑"],
        accessibility: &["回访话术提供电子文本", "公司配发耳麦"],
        apply: &[APPLY_CENTRE, APPLY_PLATFORM],
        workplaces: &["{district}{park}大厦", "{district}（具体地址面试时告知）"],
    },
    Template {
        weight: 2,
        kind: JobKind::OpenMarket,
        titles: &["网络运维助理", "网络系统维护员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}网络科技有限公司"),
            (StateEnterprise, "{city}{brand}数字科技有限公司"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 10,
        rural: false,
        computer: true,
        pay: Pay::Market(3500, 6500),
        hours: &[HOURS_FULL, "每周五天，需轮流值班"],
        must: &[],
        requirements: &[
            "计算机相关专业大专及以上学历",
            "熟悉常用网络设备",
            "能独立排查常见故障",
        ],
        accessibility: &["工作沟通以文字为主"],
        apply: &[APPLY_PLATFORM, APPLY_CENTRE],
        workplaces: &["{district}{park}大厦"],
    },
    Template {
        weight: 8,
        kind: JobKind::Massage,
        titles: &["盲人保健按摩师", "保健按摩师", "足疗保健按摩师"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}盲人按摩中心"),
            (PrivateEnterprise, "{city}{brand}盲人保健按摩有限公司"),
            (Individual, "{district}{brand}盲人按摩店"),
        ],
        suits: &[Visual],
        home: 0,
        rural: false,
        computer: false,
        pay: Pay::Market(3000, 7500),
        hours: &[
            "每周六天，每天8小时，可轮休",
            "做六休一，中午12点至晚上10点",
            "底薪加提成，每天工作8小时",
        ],
        must: &["持有保健按摩师职业资格证书"],
        requirements: &[
            "经盲人保健按摩培训合格",
            "有两年以上从业经验者优先",
            "服务态度好",
        ],
        accessibility: &[
            "提供食宿",
            "工作场所有盲道",
            "店内通道无障碍，床位固定",
            "同事可协助熟悉环境",
        ],
        apply: &[
            APPLY_CENTRE,
            "向当地盲人按摩指导中心报名",
            "携带残疾人证到店面试",
        ],
        workplaces: &[
            "{district}{street}路口（报名时告知门店地址）",
            "{district}{park}商业广场",
        ],
    },
    Template {
        weight: 5,
        kind: JobKind::Massage,
        titles: &["盲人医疗按摩师", "医疗按摩师（推拿科）"],
        employers: &[
            (PrivateEnterprise, "{district}{brand}盲人医疗按摩所"),
            (PublicInstitution, "{district}{street}社区卫生服务中心"),
            (PrivateEnterprise, "{city}{brand}中医康复医院"),
        ],
        suits: &[Visual],
        home: 0,
        rural: false,
        computer: false,
        pay: Pay::Market(4000, 8500),
        hours: &["每周五天，每天8小时", "每周五天半，门诊时间上班"],
        must: &["持有盲人医疗按摩人员考试合格证书"],
        requirements: &[
            "取得盲人医疗按摩人员从事医疗按摩资格证书",
            "中医推拿或针灸推拿专业毕业",
            "有医院推拿科工作经验者优先",
        ],
        accessibility: &["工作场所有盲道", "诊室布局固定", "病历系统可用读屏软件操作"],
        apply: &[APPLY_CENTRE, "携带证书到单位人事科报名"],
        workplaces: &["{employer}"],
    },
    Template {
        weight: 2,
        kind: JobKind::OpenMarket,
        titles: &["钢琴调律师", "钢琴调律学徒"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}琴行"),
            (Individual, "{district}{brand}钢琴调律工作室"),
        ],
        suits: &[Visual, Physical],
        home: 0,
        rural: false,
        computer: false,
        pay: Pay::Market(3500, 7500),
        hours: &["按上门预约安排，每周约五天", HOURS_FULL],
        must: &[],
        requirements: &[
            "持有钢琴调律相关职业技能证书",
            "听觉敏锐，有调律基础",
            "能独立上门服务",
        ],
        accessibility: &["上门服务报销交通费", "工具和音叉由单位提供"],
        apply: &[APPLY_CENTRE, "到琴行现场试调"],
        workplaces: &["{employer}", "上门服务，覆盖{city}市区"],
    },
    Template {
        weight: 5,
        kind: JobKind::OpenMarket,
        titles: &["文员", "行政文员", "档案数字化录入员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}物业服务有限公司"),
            (StateEnterprise, "{city}{brand}城市建设投资集团有限公司"),
            (PrivateEnterprise, "{city}{brand}档案服务有限公司"),
        ],
        suits: &[Visual, Hearing, Speech, Physical],
        home: 10,
        rural: false,
        computer: true,
        pay: Pay::Market(2600, 4200),
        hours: &[HOURS_FULL, "做五休二，朝九晚五"],
        must: &[],
        requirements: &["能熟练使用办公软件", "高中及以上学历", "做事细心"],
        accessibility: &["电梯直达办公室"],
        apply: &[APPLY_CENTRE, APPLY_PLATFORM],
        workplaces: &["{district}{park}大厦", "{district}{street}商务中心"],
    },
    Template {
        weight: 5,
        kind: JobKind::OpenMarket,
        titles: &["仓储分拣员", "快递分拣员", "仓库理货员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}供应链管理有限公司"),
            (PrivateEnterprise, "{city}{brand}物流有限公司"),
        ],
        suits: &[Hearing, Speech, Physical, Intellectual],
        home: 0,
        rural: false,
        computer: false,
        pay: Pay::Market(3000, 5000),
        hours: &[HOURS_FULL, "两班倒，每天8小时", "做六休一，每天8小时"],
        must: &[],
        requirements: &["能站立工作", "身体健康，能搬运10公斤以内货物", "做事细心"],
        accessibility: &["分拣线有灯光提示", "提供工作餐", "有老员工带教"],
        apply: &[APPLY_CENTRE, "到仓库现场面试"],
        workplaces: &["{district}{park}物流园", "{district}{park}仓储中心"],
    },
    Template {
        weight: 6,
        kind: JobKind::Concentrated,
        titles: &["包装工", "电子元件组装工", "服装车缝工", "成品质检员"],
        employers: &[
            (PrivateEnterprise, "{city}{brand}包装制品有限公司"),
            (PrivateEnterprise, "{city}{brand}电子有限公司"),
            (PrivateEnterprise, "{city}{brand}服饰有限公司"),
        ],
        suits: &[Hearing, Speech, Physical, Intellectual],
        home: 0,
        rural: false,
        computer: false,
        pay: Pay::Market(2400, 4000),
        hours: &[HOURS_FULL, "做六休一，每天8小时", "计件，每天约8小时"],
        must: &[],
        requirements: &["生活能自理", "能适应流水线工作", "手部活动灵活"],
        accessibility: &[
            "车间通道无障碍",
            "班组长会手语",
            "提供工作餐和宿舍",
            "安排残疾职工集中上岗",
        ],
        apply: &[APPLY_CENTRE, "携带残疾人证到厂区人事部报名"],
        workplaces: &["{district}{park}工业园", "{district}{street}工业区"],
    },
    Template {
        weight: 4,
        kind: JobKind::PublicWelfare,
        titles: &["乡村保洁员", "村庄保洁员"],
        employers: &[
            (Government, "{district}{town}人民政府"),
            (PublicInstitution, "{district}{town}环境卫生管理站"),
        ],
        suits: &[Hearing, Speech, Physical, Intellectual],
        home: 0,
        rural: true,
        computer: false,
        pay: Pay::Welfare(70, 105),
        hours: &["每天上午、下午各清扫一次，约6小时", "每周六天，每天6小时"],
        must: &[],
        requirements: &["户籍在本乡镇", "能胜任日常清扫", "就业困难残疾人优先"],
        accessibility: &["就近安排在本村工作", "工具由乡镇统一发放"],
        apply: &["由村委会推荐，经乡镇审核后上岗", "向户籍所在地村委会报名"],
        workplaces: &["{town}各行政村", "{town}{village}"],
    },
    Template {
        weight: 4,
        kind: JobKind::PublicWelfare,
        titles: &["生态护林员", "护林员"],
        employers: &[
            (Government, "{district}{town}人民政府"),
            (PublicInstitution, "{district}{town}林业站"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 0,
        rural: true,
        computer: false,
        pay: Pay::Welfare(60, 100),
        hours: &["每月巡护不少于20天", "每周五天，每天巡山约6小时"],
        must: &[],
        requirements: &[
            "户籍在本村",
            "熟悉本村林区",
            "身体能胜任山林巡护",
            "脱贫户优先",
        ],
        accessibility: &["就近安排巡护片区", "配发巡护终端和防护用品"],
        apply: &["由村委会推荐，经乡镇审核后聘用", "向乡镇林业站报名"],
        workplaces: &["{town}{village}林区", "{town}集体林区"],
    },
    Template {
        weight: 3,
        kind: JobKind::PublicWelfare,
        titles: &["农家书屋管理员"],
        employers: &[
            (Government, "{district}{town}人民政府"),
            (PublicInstitution, "{district}{town}综合文化站"),
        ],
        suits: &[Hearing, Speech, Physical],
        home: 0,
        rural: true,
        computer: false,
        pay: Pay::Welfare(70, 100),
        hours: &["每周开放五天，每天4小时", "每周五天，每天6小时"],
        must: &[],
        requirements: &["初中及以上文化", "户籍在本村", "能用电脑或手机登记借阅"],
        accessibility: &["书屋在村委会一楼", "无障碍通道"],
        apply: &["由村委会推荐，经乡镇审核后上岗", "向乡镇综合文化站报名"],
        workplaces: &["{town}{village}农家书屋"],
    },
    Template {
        weight: 2,
        kind: JobKind::PublicWelfare,
        titles: &["社会救济协理员"],
        employers: &[(Government, "{district}{town}人民政府")],
        suits: &[Visual, Hearing, Speech, Physical],
        home: 0,
        rural: true,
        computer: false,
        pay: Pay::Welfare(70, 100),
        hours: &["每周五天，每天6小时", HOURS_FLEX],
        must: &[],
        requirements: &["户籍在本村", "熟悉本村困难群众情况", "初中及以上文化"],
        accessibility: &["就近安排在本村工作"],
        apply: &["由村委会推荐，经乡镇审核后上岗"],
        workplaces: &["{town}{village}村委会"],
    },
    Template {
        weight: 4,
        kind: JobKind::PublicWelfare,
        titles: &["社区网格员", "社区助残服务员", "残疾人专职委员助理"],
        employers: &[
            (Government, "{district}{street}街道办事处"),
            (PublicInstitution, "{district}{street}街道社区服务中心"),
            (PublicInstitution, "{district}{street}街道残疾人之家"),
        ],
        suits: &[Visual, Hearing, Speech, Physical],
        home: 0,
        rural: false,
        computer: true,
        pay: Pay::Welfare(100, 140),
        hours: &[HOURS_FULL, "每周五天，每天6小时"],
        must: &[],
        requirements: &["户籍或居住在本街道", "热心为残疾人服务", "会用手机和电脑"],
        accessibility: &["社区服务中心一楼办公", "无障碍卫生间"],
        apply: &["向所在社区居委会报名，经街道审核后上岗", APPLY_CENTRE],
        workplaces: &[
            "{district}{street}街道社区服务中心",
            "{district}{street}街道残疾人之家",
        ],
    },
    Template {
        weight: 7,
        kind: JobKind::Sheltered,
        titles: &[
            "手工编织（辅助性就业）",
            "来料加工（辅助性就业）",
            "洗车工（辅助性就业）",
            "烘焙助理（辅助性就业）",
            "手工皂制作（辅助性就业）",
            "纸袋折叠包装（辅助性就业）",
            "绿植养护（辅助性就业）",
        ],
        employers: &[
            (SocialOrganisation, "{district}{street}街道阳光家园"),
            (SocialOrganisation, "{district}{brand}残疾人之家"),
            (SocialOrganisation, "{city}{brand}辅助性就业服务中心"),
            (PublicInstitution, "{district}{brand}残疾人托养服务中心"),
        ],
        suits: &[Intellectual, Psychosocial, Physical, Multiple],
        home: 10,
        rural: false,
        computer: false,
        pay: Pay::Sheltered(900, 2000),
        hours: &[
            "每周五天，每天6小时",
            "每周五天，上午9点至下午3点",
            HOURS_FLEX,
        ],
        must: &[],
        requirements: &[
            "生活基本能自理",
            "经职业能力评估适合辅助性就业",
            "监护人同意并陪同报名",
        ],
        accessibility: &[
            "有就业辅导员陪同",
            "提供午餐",
            "提供接送",
            "工作内容固定，节奏可调整",
        ],
        apply: &[
            "由监护人陪同到机构报名",
            "经社区推荐，参加职业能力评估后入站",
        ],
        workplaces: &["{employer}"],
    },
    Template {
        weight: 4,
        kind: JobKind::Internship,
        titles: &[
            "办公室见习岗位",
            "档案管理见习岗位",
            "图书馆服务见习岗位",
            "信息技术见习岗位",
            "财务助理见习岗位",
        ],
        employers: &[
            (Government, "{district}{street}街道办事处"),
            (PublicInstitution, "{district}{street}街道便民服务中心"),
            (PublicInstitution, "{city}{brand}职业技术学校"),
            (StateEnterprise, "{city}{brand}城市建设投资集团有限公司"),
            (StateEnterprise, "{city}{brand}水务集团有限公司"),
        ],
        suits: &[Visual, Hearing, Speech, Physical],
        home: 0,
        rural: false,
        computer: true,
        pay: Pay::Stipend,
        hours: &[HOURS_FULL, "见习期六个月，每周五天"],
        must: &[],
        requirements: &[
            "离校两年内未就业的高校残疾人毕业生",
            "大专及以上学历",
            "原籍为本市",
        ],
        accessibility: &["安排带教老师", "电梯直达办公室", "无障碍卫生间"],
        apply: &["向当地残联或人社部门报名，经审核后安排见习", APPLY_CENTRE],
        workplaces: &["{employer}"],
    },
];

/// Notes a posting may add for the categories it suits.
const SCREEN_READER_NOTES: &[&str] = &["提供读屏软件", "培训材料提供电子文本"];
const VISUAL_NOTES: &[&str] = &["工作场所有盲道", "提供语音版培训材料"];
const HEARING_NOTES: &[&str] = &["有手语翻译", "面试可用文字沟通"];
const SPEECH_NOTES: &[&str] = &["面试可用文字沟通"];
const PHYSICAL_NOTES: &[&str] = &["无障碍通道", "无障碍卫生间", "电梯直达"];
const COGNITIVE_NOTES: &[&str] = &["有就业辅导员陪同", "岗前分步骤培训"];
const HOME_NOTE: &str = "可居家办公";
const SCREEN_READER_REQUIREMENT: &str = "熟练使用读屏软件";
const CARD_REQUIREMENT: &str = "持有第二代残疾人证";

/// Days from 2025-01-01 to 2026-10-31, both included.
const PUBLISH_DAYS: u64 = 365 + 304;

fn posting(seed: u64, n: u64) -> Posting {
    let mut rng = Rng(mix(seed) ^ mix(n.wrapping_mul(0xD1B5_4A32_D192_ED03)));
    let total: u32 = TEMPLATES.iter().map(|t| t.weight).sum();
    let mut roll = rng.below(u64::from(total)) as u32;
    let mut t = &TEMPLATES[0];
    for candidate in TEMPLATES {
        if roll < candidate.weight {
            t = candidate;
            break;
        }
        roll -= candidate.weight;
    }

    let region = rng.pick(REGIONS);
    let city = if region.len() > 1 && !rng.chance(45) {
        &region[1 + rng.below(region.len() as u64 - 1) as usize]
    } else {
        &region[0]
    };
    let district = loop {
        let (d, rural) = rng.pick(city.districts);
        if rural || !t.rural {
            break d;
        }
    };
    let place = Place {
        city: city.city,
        district,
        brand: rng.pick(BRANDS),
        park: rng.pick(BRANDS),
        street: rng.pick(STREETS),
        town: rng.pick(TOWNS),
        village: rng.pick(VILLAGES),
    };

    let home_based = rng.chance(t.home);
    let mut title = rng.pick(t.titles).to_string();
    if home_based && !title.contains("居家") {
        title.push_str("（居家）");
    }
    let (employer_kind, employer) = rng.pick(t.employers);
    let employer = place.fill(employer);

    let mut categories: Vec<Category> = if t.suits.len() == 1 {
        t.suits.to_vec()
    } else if rng.chance(6) {
        vec![] // the posting does not say
    } else {
        let chosen: Vec<Category> = t.suits.iter().copied().filter(|_| rng.chance(55)).collect();
        if chosen.is_empty() {
            vec![rng.pick(t.suits)]
        } else {
            chosen
        }
    };
    categories.sort();
    let visual = categories.contains(&Visual);

    let (pay_min, pay_max) = pay(&mut rng, t.pay, city);

    let mut requirements: Vec<&str> = t.must.to_vec();
    if t.computer && visual && rng.chance(70) {
        requirements.push(SCREEN_READER_REQUIREMENT);
    }
    let k = rng.between(1, 2) as usize;
    requirements.extend(some_of(&mut rng, t.requirements, k));
    if rng.chance(20) {
        requirements.push(CARD_REQUIREMENT);
    }

    let mut notes: Vec<&str> = t.accessibility.to_vec();
    // Outdoor rural posts keep their own notes: ramps do not reach a forest.
    for c in categories.iter().filter(|_| !t.rural) {
        notes.extend_from_slice(match c {
            Visual if t.computer => SCREEN_READER_NOTES,
            Visual => VISUAL_NOTES,
            Hearing if !home_based => HEARING_NOTES,
            Hearing => SPEECH_NOTES,
            Speech => SPEECH_NOTES,
            Physical if !home_based => PHYSICAL_NOTES,
            Intellectual | Psychosocial | Multiple => COGNITIVE_NOTES,
            Physical => &[],
        });
    }
    notes.sort_unstable();
    notes.dedup();
    let k = rng.between(1, 3) as usize;
    let mut chosen = some_of(&mut rng, &notes, k);
    if home_based {
        chosen.insert(0, HOME_NOTE);
    }
    let accessibility = if chosen.is_empty() || (!home_based && rng.chance(8)) {
        None
    } else {
        Some(chosen.join("；"))
    };

    let published_day = rng.below(PUBLISH_DAYS);
    let closing = if rng.chance(85) {
        Some(date(published_day + u64::from(rng.between(14, 90))))
    } else {
        None
    };

    let district = rng.chance(95).then(|| district.to_string());
    let workplace = (!home_based && rng.chance(90)).then(|| {
        place
            .fill(rng.pick(t.workplaces))
            .replace("{employer}", &employer)
    });

    Posting {
        id: format!("sample-{seed}-{n}"),
        title,
        employer,
        employer_kind,
        province: city.province.to_string(),
        city: city.city.to_string(),
        district,
        workplace,
        home_based,
        kind: t.kind,
        categories,
        accessibility,
        pay_min,
        pay_max,
        hours: rng.chance(95).then(|| rng.pick(t.hours).to_string()),
        requirements: Some(requirements.join("；")),
        how_to_apply: Some(rng.pick(t.apply).to_string()),
        contact: Some(rng.pick(CONTACTS).to_string()),
        published: date(published_day),
        closing,
        source: SOURCE.to_string(),
        sample: true,
    }
}

/// Up to `k` different items, in a random order.
fn some_of<'a>(rng: &mut Rng, items: &[&'a str], k: usize) -> Vec<&'a str> {
    let mut pool = items.to_vec();
    let mut out = Vec::with_capacity(k);
    while out.len() < k && !pool.is_empty() {
        let i = rng.below(pool.len() as u64) as usize;
        out.push(pool.swap_remove(i));
    }
    out
}

fn round_to_100(n: u32) -> u32 {
    (n + 50) / 100 * 100
}

/// Monthly pay in yuan: sometimes only a lower bound, sometimes not given (面议).
fn pay(rng: &mut Rng, pay: Pay, city: &City) -> (Option<u32>, Option<u32>) {
    let (low, high) = match pay {
        Pay::Market(low, high) => {
            let jitter = rng.between(90, 110);
            let scale = |n: u32| round_to_100(n * city.level / 100 * jitter / 100);
            let low = scale(low).max(round_to_100(city.min_wage));
            (low, scale(high).max(low + 300))
        }
        Pay::Welfare(low_pct, high_pct) => {
            let low =
                round_to_100(city.min_wage * rng.between(low_pct, (low_pct + high_pct) / 2) / 100);
            (low, round_to_100(city.min_wage * high_pct / 100).max(low))
        }
        Pay::Sheltered(low, high) => {
            let low = round_to_100(rng.between(low, (low + high) / 2));
            (low, round_to_100(rng.between(low + 200, high)).max(low))
        }
        Pay::Stipend => {
            let stipend = round_to_100(city.min_wage);
            return (Some(stipend), rng.chance(50).then_some(stipend));
        }
    };
    match rng.below(100) {
        0..5 => (None, None),
        5..15 => (Some(low), None),
        _ => (Some(low), Some(high)),
    }
}

fn leap(year: u64) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Day `days` after 2025-01-01, as `YYYY-MM-DD`.
fn date(mut days: u64) -> String {
    let mut year = 2025u64;
    loop {
        let len = if leap(year) { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let months = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 1;
    for len in months {
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    format!("{year:04}-{month:02}-{:02}", days + 1)
}

/// The made-up and real names a posting's text patterns are filled from.
struct Place {
    city: &'static str,
    district: &'static str,
    brand: &'static str,
    park: &'static str,
    street: &'static str,
    town: &'static str,
    village: &'static str,
}

impl Place {
    fn fill(&self, pattern: &str) -> String {
        let mut out = String::with_capacity(pattern.len() + 24);
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            out.push_str(match name {
                "city" => self.city,
                "district" => self.district,
                "brand" => self.brand,
                "park" => self.park,
                "street" => self.street,
                "town" => self.town,
                "village" => self.village,
                // Not ours ({employer}): left for the caller.
                _ => &rest[open..open + close + 2],
            });
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::JOB_KINDS;
    use super::*;

    const PINNED: u64 = 0x2356_942D_053E_81AF;

    #[test]
    fn the_same_seed_gives_the_same_postings() {
        assert_eq!(generate(300, 7), generate(300, 7));
        assert_ne!(generate(50, 7), generate(50, 8));
        // Posting n does not depend on how many are asked for.
        assert_eq!(generate(20, 7)[..], generate(300, 7)[..20]);
        let mut streamed = vec![];
        generate_each(300, 7, |p| streamed.push(p));
        assert_eq!(streamed, generate(300, 7));
    }

    #[test]
    fn output_is_pinned_across_platforms() {
        // splitmix64's published first output for state 0.
        assert_eq!(Rng(0).next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(date(0), "2025-01-01");
        assert_eq!(date(58), "2025-02-28");
        assert_eq!(date(59), "2025-03-01");
        assert_eq!(date(365), "2026-01-01");
        assert_eq!(date(PUBLISH_DAYS - 1), "2026-10-31");
        assert_eq!(date(365 * 3 + 365), "2028-12-31");
        // A digest of a thousand postings (FNV-1a over every field): it only
        // changes when the tables or the generator change, and then existing
        // sample databases change too, so update it on purpose.
        let mut digest: u64 = 0xCBF2_9CE4_8422_2325;
        for p in generate(1000, 2025) {
            for (k, v) in p.to_fields() {
                for b in k.bytes().chain(v.bytes()).chain([0]) {
                    digest = (digest ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
                }
            }
        }
        assert_eq!(digest, PINNED, "digest {digest:#018X}");
    }

    #[test]
    fn every_posting_round_trips_through_the_import_fields() {
        for p in generate(2000, 99) {
            let back =
                Posting::from_fields(&p.to_fields()).unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
            assert_eq!(back, p);
        }
    }

    #[test]
    fn all_regions_and_kinds_appear_in_500() {
        for seed in [1, 2, 3, 42, 2025] {
            let ps = generate(500, seed);
            let provinces: BTreeSet<&str> = ps.iter().map(|p| p.province.as_str()).collect();
            assert_eq!(
                provinces,
                BTreeSet::from(["广东", "贵州", "山东", "江苏", "江西"]),
                "seed {seed}"
            );
            for (kind, key, _) in JOB_KINDS {
                assert!(ps.iter().any(|p| p.kind == *kind), "seed {seed}: no {key}");
            }
            assert!(ps.iter().any(|p| p.home_based), "seed {seed}");
            assert!(ps.iter().any(|p| p.closing.is_none()), "seed {seed}");
        }
    }

    #[test]
    fn postings_fit_their_kind() {
        for p in generate(3000, 5) {
            assert!(p.sample && p.source == SOURCE, "{p:?}");
            assert!(
                !p.province.ends_with('省') && !p.city.ends_with('市'),
                "{p:?}"
            );
            assert!(
                p.to_fields().values().all(|v| !v.contains(['{', '}'])),
                "{p:?}"
            );
            assert!(
                ("2025-01-01".."2026-11-01").contains(&p.published.as_str()),
                "{p:?}"
            );
            if p.home_based {
                assert!(p.workplace.is_none() && p.title.contains("居家"), "{p:?}");
            }
            if let (Some(a), Some(b)) = (p.pay_min, p.pay_max) {
                assert!(a <= b && (800..=12000).contains(&a) && b <= 12000, "{p:?}");
            }
            match p.kind {
                JobKind::Massage => {
                    assert_eq!(p.categories, vec![Category::Visual], "{p:?}");
                    assert!(!p.home_based, "{p:?}");
                    assert!(
                        p.requirements
                            .as_deref()
                            .is_some_and(|r| r.contains("证书")),
                        "{p:?}"
                    );
                }
                JobKind::PublicWelfare => {
                    assert!(
                        matches!(p.employer_kind, Government | PublicInstitution),
                        "{p:?}"
                    );
                }
                JobKind::Internship => {
                    assert!(
                        matches!(
                            p.employer_kind,
                            Government | PublicInstitution | StateEnterprise
                        ),
                        "{p:?}"
                    );
                }
                JobKind::Sheltered => {
                    assert!(
                        !p.categories.contains(&Hearing) && !p.categories.contains(&Visual),
                        "{p:?}"
                    );
                }
                _ => {}
            }
            if p.title.contains("云客服") || p.title.contains("电话回访") {
                assert!(
                    !p.categories.contains(&Hearing) && !p.categories.contains(&Speech),
                    "{p:?}"
                );
            }
            if p.requirements
                .as_deref()
                .is_some_and(|r| r.contains("读屏软件"))
            {
                assert!(p.categories.contains(&Visual), "{p:?}");
            }
        }
    }

    #[test]
    fn no_phone_numbers_anywhere() {
        for p in generate(3000, 11) {
            for (column, value) in p.to_fields() {
                if column == "id" || column == "published" || column == "closing" {
                    continue;
                }
                let mut run = 0;
                for c in value.chars() {
                    run = if c.is_ascii_digit() { run + 1 } else { 0 };
                    assert!(run < 7, "{column} of {}: {value}", p.id);
                }
            }
            assert!(
                p.contact
                    .as_deref()
                    .is_some_and(|c| c.starts_with("示例数据")),
                "{p:?}"
            );
        }
    }
}
