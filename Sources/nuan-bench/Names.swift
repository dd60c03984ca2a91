/// Word lists for people's and employers' names, pre-encoded as UTF-8.
enum Names {
    /// Common surnames, roughly by frequency (the first ones are drawn more often).
    static let surnames: [[UInt8]] = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
        "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
        "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "欧阳", "司马", "诸葛",
    ].map { Array($0.utf8) }

    /// Characters used in given names.
    static let given: [[UInt8]] = [
        "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "华", "玉", "红", "建", "国", "文",
        "辉", "林", "云", "海", "燕", "春", "梅", "鹏", "飞", "波", "宁", "成", "志", "忠", "德",
        "凤", "琴", "淑", "萍", "晨", "浩", "宇", "欣", "怡", "子", "涵", "婷", "雪", "峰", "亮",
    ].map { Array($0.utf8) }

    /// Employer kinds; an employer name is a city's short name followed by one of these.
    static let employerKinds: [[UInt8]] = [
        "市纺织厂", "市环卫处", "市公交集团", "供电公司", "卷烟厂", "玻璃厂", "化工有限公司",
        "建筑安装公司", "物流有限公司", "食品有限公司", "机械制造厂", "市第一人民医院",
        "市实验小学", "市自来水公司", "煤矿", "钢铁有限公司", "商贸城", "外卖配送站",
        "快递服务站", "出租汽车公司", "市政工程处", "热电厂", "粮油公司", "电子科技有限公司",
    ].map { Array($0.utf8) }

    /// Picks a surname, favouring the common ones.
    static func surname(_ rng: inout SplitMix64) -> [UInt8] {
        // min of two draws skews towards the start of the list
        let a = rng.below(surnames.count), b = rng.below(surnames.count)
        return surnames[min(a, b)]
    }
}
