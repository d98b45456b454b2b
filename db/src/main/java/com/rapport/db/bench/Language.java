package com.rapport.db.bench;

import java.util.List;

/**
 * The languages of generated text, each with a small phrase book. Products are aligned by
 * index across languages, so a topic keeps talking about the same product when a reply
 * switches language. In templates, {p} is a product, {a} an action and {i} an issue.
 */
enum Language {

	EN(" ", List.of("Aurora 3 headphones", "Nimbus router", "Orbit watch", "Lumen desk lamp", "Pulse band",
			"Vertex laptop", "companion app", "Cascade coffee maker", "Halo speaker", "Drift scooter"),
			List.of("pair", "reset", "update", "reinstall", "return", "clean", "charge", "connect", "calibrate",
					"register"),
			List.of("Bluetooth keeps disconnecting", "the battery drains overnight", "the firmware update fails",
					"the screen flickers", "the app crashes on start", "there is no sound in the left ear",
					"Wi-Fi drops every hour", "charging is very slow"),
			List.of("How do I {a} the {p}?", "{p}: {i}", "Is it safe to {a} the {p} myself?",
					"Tips & tricks for the {p}", "After the update, {i}", "Six months with the {p} - my review",
					"Can't {a} my {p}", "{p} vs the old model: worth the upgrade?"),
			List.of("I bought the {p} last month and mostly love it.", "Since yesterday {i}, even after a restart.",
					"Has anyone found a way to {a} it without the app?",
					"Support told me to {a} it again, but nothing changed.",
					"Same here, it started after the last firmware update.", "Thanks, that fixed it for me!",
					"Try holding the power button for 10 seconds, then {a} it again.",
					"Battery life is about 20 hours < the 30 hours on the box.",
					"The Q&A section on the product page says it should work.",
					"I'd give the {p} 4/5: great value, but the \"smart\" features need work.",
					"Could the team share a timeline for a fix?", "Marking this as solved, thank you all.",
					"Which firmware version are you on?", "Mine works fine, so it may be a faulty unit.")),

	ZH("", List.of("极光3耳机", "Nimbus路由器", "Orbit智能手表", "Lumen台灯", "Pulse手环", "Vertex笔记本电脑", "配套App", "Cascade咖啡机",
			"Halo音箱", "Drift电动滑板车"), List.of("配对", "重置", "升级", "设置", "退货", "清洁", "充电", "连接", "校准", "注册"),
			List.of("蓝牙总是断开", "电池一夜就没电了", "固件升级失败", "屏幕闪烁", "App一打开就闪退", "左耳没有声音", "Wi-Fi每小时掉线一次", "充电非常慢"),
			List.of("怎么{a}{p}？", "{p}：{i}", "{p}能自己{a}吗？", "{p}使用技巧分享", "更新后{i}", "用了半年{p}，说说感受", "无法{a}我的{p}",
					"{p}和旧款比，值得升级吗？"),
			List.of("我上个月买了{p}，总体很满意。", "从昨天开始{i}，重启也没用。", "有没有人知道不用App怎么{a}？", "客服让我重新{a}，但问题还在。",
					"我也一样，是上次固件更新以后开始的。", "谢谢，这个方法解决了我的问题！", "先长按电源键10秒，再{a}一次试试。", "续航大约20小时，比包装上写的30小时少。",
					"希望官方能给个修复时间表。", "问题已解决，谢谢大家。", "音质很好 & 佩戴舒适，就是价格有点高。", "你用的是哪个固件版本？", "我的一切正常，可能是个别机器有问题。")),

	RU(" ", List.of("наушники Aurora 3", "роутер Nimbus", "часы Orbit", "светильник Lumen", "браслет Pulse",
			"ноутбук Vertex", "мобильное приложение", "кофейный аппарат Cascade", "динамик Halo", "самокат Drift"),
			List.of("подключить", "сбросить", "обновить", "настроить", "вернуть", "почистить", "зарядить",
					"откалибровать", "зарегистрировать", "подключить к Wi-Fi"),
			List.of("постоянно отключается Bluetooth", "батарея садится за ночь", "не устанавливается прошивка",
					"мерцает экран", "приложение вылетает при запуске", "нет звука в левом ухе",
					"Wi-Fi пропадает каждый час", "очень медленная зарядка"),
			List.of("Как {a} {p}?", "{p}: {i}", "Можно ли самому {a} {p}?", "Советы и хитрости: {p}",
					"После обновления {i}", "Полгода пользуюсь - отзыв про {p}", "Не получается {a} {p}",
					"Стоит ли менять старую модель на {p}?"),
			List.of("Купил {p} в прошлом месяце, в целом доволен.", "Со вчерашнего дня {i}, перезагрузка не помогает.",
					"Кто-нибудь знает, как {a} без приложения?",
					"Поддержка посоветовала снова {a}, но ничего не изменилось.",
					"У меня то же самое, началось после последней прошивки.", "Спасибо, мне помогло!",
					"Зажмите кнопку питания на 10 секунд, потом попробуйте {a} ещё раз.",
					"Батарея держит около 20 часов < обещанных 30.", "Хотелось бы узнать сроки исправления.",
					"Вопрос решён, всем спасибо.", "Звук отличный & сидят удобно, но цена кусается.",
					"Какая у вас версия прошивки?", "У меня всё работает, возможно, брак."));

	private final String sentenceSeparator;

	private final List<String> products;

	private final List<String> actions;

	private final List<String> issues;

	private final List<String> titles;

	private final List<String> sentences;

	Language(String sentenceSeparator, List<String> products, List<String> actions, List<String> issues,
			List<String> titles, List<String> sentences) {
		this.sentenceSeparator = sentenceSeparator;
		this.products = products;
		this.actions = actions;
		this.issues = issues;
		this.titles = titles;
		this.sentences = sentences;
	}

	static int productCount() {
		return EN.products.size();
	}

	String sentenceSeparator() {
		return this.sentenceSeparator;
	}

	String product(int index) {
		return this.products.get(index);
	}

	String action(int index) {
		return this.actions.get(index % this.actions.size());
	}

	String issue(int index) {
		return this.issues.get(index % this.issues.size());
	}

	List<String> titles() {
		return this.titles;
	}

	List<String> sentences() {
		return this.sentences;
	}

}
