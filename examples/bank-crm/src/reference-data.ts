/** Reference data the seed generator draws on: branches, names, companies, phone prefixes. */

export interface BranchInfo {
  code: string;
  name: string;
  city: string;
  region: string;
  latitude: string;
  longitude: string;
  /** The administrative division code of the branch's district (first six ID digits). */
  divisionCode: string;
  /** Relative share of customers booked here. */
  weight: number;
}

export const BRANCHES: readonly BranchInfo[] = [
  { code: 'BJ001', name: '北京分行营业部', city: '北京', region: 'north', latitude: '39.915119', longitude: '116.403963', divisionCode: '110101', weight: 6 },
  { code: 'BJ002', name: '北京朝阳支行', city: '北京', region: 'north', latitude: '39.921489', longitude: '116.443108', divisionCode: '110105', weight: 6 },
  { code: 'BJ003', name: '北京海淀支行', city: '北京', region: 'north', latitude: '39.959912', longitude: '116.298056', divisionCode: '110108', weight: 5 },
  { code: 'SH001', name: '上海分行营业部', city: '上海', region: 'east', latitude: '31.230416', longitude: '121.473701', divisionCode: '310101', weight: 6 },
  { code: 'SH002', name: '上海浦东支行', city: '上海', region: 'east', latitude: '31.221517', longitude: '121.544379', divisionCode: '310115', weight: 6 },
  { code: 'SH003', name: '上海徐汇支行', city: '上海', region: 'east', latitude: '31.188523', longitude: '121.436525', divisionCode: '310104', weight: 4 },
  { code: 'SZ001', name: '深圳南山支行', city: '深圳', region: 'south', latitude: '22.533013', longitude: '113.930476', divisionCode: '440305', weight: 5 },
  { code: 'SZ002', name: '深圳福田支行', city: '深圳', region: 'south', latitude: '22.541009', longitude: '114.054450', divisionCode: '440304', weight: 5 },
  { code: 'GZ001', name: '广州天河支行', city: '广州', region: 'south', latitude: '23.124680', longitude: '113.361200', divisionCode: '440106', weight: 5 },
  { code: 'HZ001', name: '杭州西湖支行', city: '杭州', region: 'east', latitude: '30.259244', longitude: '120.130070', divisionCode: '330106', weight: 4 },
  { code: 'NJ001', name: '南京玄武支行', city: '南京', region: 'east', latitude: '32.048670', longitude: '118.797500', divisionCode: '320102', weight: 3 },
  { code: 'SU001', name: '苏州姑苏支行', city: '苏州', region: 'east', latitude: '31.311414', longitude: '120.617069', divisionCode: '320508', weight: 3 },
  { code: 'TJ001', name: '天津和平支行', city: '天津', region: 'north', latitude: '39.117196', longitude: '117.214700', divisionCode: '120101', weight: 3 },
  { code: 'QD001', name: '青岛市南支行', city: '青岛', region: 'east', latitude: '36.066938', longitude: '120.412392', divisionCode: '370202', weight: 2 },
  { code: 'DL001', name: '大连中山支行', city: '大连', region: 'northeast', latitude: '38.918053', longitude: '121.644295', divisionCode: '210202', weight: 2 },
  { code: 'XM001', name: '厦门思明支行', city: '厦门', region: 'east', latitude: '24.445676', longitude: '118.082745', divisionCode: '350203', weight: 2 },
  { code: 'WH001', name: '武汉武昌支行', city: '武汉', region: 'central', latitude: '30.553956', longitude: '114.316200', divisionCode: '420106', weight: 3 },
  { code: 'CS001', name: '长沙岳麓支行', city: '长沙', region: 'central', latitude: '28.235193', longitude: '112.931420', divisionCode: '430104', weight: 2 },
  { code: 'CD001', name: '成都武侯支行', city: '成都', region: 'southwest', latitude: '30.642040', longitude: '104.043000', divisionCode: '510107', weight: 4 },
  { code: 'CQ001', name: '重庆渝中支行', city: '重庆', region: 'southwest', latitude: '29.556740', longitude: '106.567860', divisionCode: '500103', weight: 3 },
  { code: 'XA001', name: '西安雁塔支行', city: '西安', region: 'northwest', latitude: '34.213389', longitude: '108.948090', divisionCode: '610113', weight: 2 },
];

/** Division codes of places customers were born that are not branch districts. */
export const OTHER_DIVISION_CODES: readonly string[] = [
  '130102', // 石家庄 长安区
  '140105', // 太原 小店区
  '230103', // 哈尔滨 南岗区
  '220102', // 长春 南关区
  '340104', // 合肥 蜀山区
  '360102', // 南昌 东湖区
  '410105', // 郑州 金水区
  '450103', // 南宁 青秀区
  '520102', // 贵阳 南明区
  '530102', // 昆明 五华区
  '620102', // 兰州 城关区
  '370102', // 济南 历下区
  '330203', // 宁波 海曙区
  '441302', // 惠州 惠城区
  '321002', // 扬州 广陵区
];

/** Common surnames with pinyin, roughly by frequency (the first ones are drawn more). */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
  ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'],
  ['欧阳', 'ouyang'], ['司马', 'sima'],
];

export const MALE_GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'],
  ['涛', 'tao'], ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'],
  ['辉', 'hui'], ['鹏', 'peng'], ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'],
  ['宇', 'yu'], ['浩', 'hao'], ['俊', 'jun'], ['峰', 'feng'], ['建', 'jian'], ['国', 'guo'],
  ['志', 'zhi'], ['文', 'wen'], ['博', 'bo'], ['子', 'zi'], ['轩', 'xuan'], ['昊', 'hao'],
  ['天', 'tian'], ['晨', 'chen'], ['思', 'si'], ['远', 'yuan'], ['嘉', 'jia'], ['毅', 'yi'],
];

export const FEMALE_GIVEN: readonly (readonly [string, string])[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'],
  ['娟', 'juan'], ['霞', 'xia'], ['秀', 'xiu'], ['玲', 'ling'], ['婷', 'ting'], ['雪', 'xue'],
  ['慧', 'hui'], ['琳', 'lin'], ['颖', 'ying'], ['倩', 'qian'], ['欣', 'xin'], ['悦', 'yue'],
  ['梦', 'meng'], ['佳', 'jia'], ['怡', 'yi'], ['雨', 'yu'], ['萱', 'xuan'], ['晓', 'xiao'],
  ['燕', 'yan'], ['红', 'hong'], ['梅', 'mei'], ['莉', 'li'], ['洁', 'jie'], ['琴', 'qin'],
  ['诗', 'shi'], ['涵', 'han'], ['婉', 'wan'], ['雅', 'ya'], ['可', 'ke'], ['心', 'xin'],
];

/** Trade names (字号) of companies, with pinyin for their web domains. */
export const TRADE_NAMES: readonly (readonly [string, string])[] = [
  ['华信', 'huaxin'], ['恒通', 'hengtong'], ['远航', 'yuanhang'], ['鼎盛', 'dingsheng'],
  ['正泰', 'zhengtai'], ['中联', 'zhonglian'], ['新锐', 'xinrui'], ['瑞丰', 'ruifeng'],
  ['金桥', 'jinqiao'], ['博远', 'boyuan'], ['天成', 'tiancheng'], ['宏达', 'hongda'],
  ['汇通', 'huitong'], ['永安', 'yongan'], ['嘉禾', 'jiahe'], ['腾跃', 'tengyue'],
  ['海川', 'haichuan'], ['明德', 'mingde'], ['启航', 'qihang'], ['云帆', 'yunfan'],
  ['盛世', 'shengshi'], ['同创', 'tongchuang'], ['凯源', 'kaiyuan'], ['信达', 'xinda'],
];

/** Lines of business, with a short English tag for domains. */
export const INDUSTRIES: readonly (readonly [string, string])[] = [
  ['科技', 'tech'], ['贸易', 'trade'], ['实业', 'group'], ['建设工程', 'build'], ['物流', 'logistics'],
  ['医药', 'pharma'], ['食品', 'food'], ['电子', 'elec'], ['新材料', 'materials'],
  ['信息技术', 'it'], ['餐饮管理', 'catering'], ['进出口', 'imex'], ['汽车销售服务', 'auto'],
];

/** Mainland mobile number prefixes in use (China Mobile, Unicom, Telecom, Broadnet). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '192', '193', '195', '196', '198', '199',
];

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 5], ['163.com', 4], ['126.com', 2], ['sina.com', 1], ['gmail.com', 1], ['outlook.com', 1], ['foxmail.com', 1],
];

export const CUSTOMER_NOTES: readonly string[] = [
  '客户偏好电话沟通，工作日上午方便联系。',
  '有子女教育金规划需求，可推荐教育储蓄类产品。',
  '近期关注大额存单利率，建议到期前主动联系。',
  '客户对理财产品净值波动较敏感，推荐稳健型产品。',
  '已办理代发工资，可交叉营销信用卡。',
  '计划明年购房，关注房贷利率及额度。',
  '客户投诉过排队时间长，建议引导使用手机银行。',
  '企业有跨境结算需求，可对接国际业务部。',
  '年度回访已完成，客户满意度较高。',
  '客户资料待更新：身份证即将到期。',
];

export const LOAN_PURPOSES: Readonly<Record<string, readonly string[]>> = {
  mortgage: ['购买首套自住住房。', '改善型住房购置，原住房拟出售。', '购买二手住房，已签订购房合同。'],
  consumer: ['家庭装修。', '子女出国留学费用。', '购买家电及家具。', '婚庆支出。'],
  auto: ['购买家用新能源汽车。', '置换家庭用车。'],
  business: ['个体经营店铺进货周转。', '小微企业扩大经营，采购设备。'],
  working_capital: ['日常经营周转，支付原材料采购款。', '旺季备货资金需求。', '支付供应商货款及员工工资。'],
  fixed_asset: ['新建生产线及厂房改造。', '购置生产设备。'],
};
