/*
 * Vietnamese strings Decap CMS 3.16 lacks in its `vi` locale (and a few it has wrong or in
 * English). guongsang-cms.js merges them over Decap's own `vi` and registers the result, so no
 * English shows in the form. A test (tests/test_admin_locale.py) compares this file with Decap's
 * English locale: a Decap update that adds strings fails it until they are translated here.
 */
(function (root) {
  var vi = {
    auth: {
      loginWithAzure: 'Đăng nhập bằng Azure',
      loginWithForgejo: 'Đăng nhập bằng Forgejo',
    },
    app: {
      header: { media: 'Thư viện ảnh' },
    },
    collection: {
      collectionTop: {
        viewAs: 'Xem dạng',
        viewAsList: 'Xem dạng danh sách',
        viewAsGrid: 'Xem dạng lưới',
        groupBy: 'Nhóm theo',
        newButton: 'Thêm %{collectionLabel}',
      },
      entries: { unpublishedHeader: 'Chưa xuất bản' },
      groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Trường %{widgetLabel}' } },
      editorControlPane: {
        widget: {
          required: 'Thiếu trường bắt buộc: %{fieldLabel}.',
          // The form's patterns carry the checks' own message (config.yml, from schema.py).
          regexPattern: '%{pattern}',
        },
        i18n: {
          writingInLocale: 'Đang viết bằng %{locale}',
          copyFromLocale: 'Điền từ ngôn ngữ khác',
          copyFromLocaleConfirm: 'Điền dữ liệu từ ngôn ngữ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.',
        },
      },
      editorInterface: {
        toggleI18n: 'Bật/tắt đa ngôn ngữ',
        togglePreview: 'Bật/tắt xem trước',
        toggleScrollSync: 'Cuộn đồng thời',
        toggleNotes: 'Bật/tắt ghi chú',
      },
      editorNotesPane: {
        title: 'Ghi chú',
        emptyState: 'Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới để cùng trao đổi.',
        addNote: 'Thêm ghi chú',
        addPlaceholder: 'Viết ghi chú…',
        editPlaceholder: 'Sửa ghi chú…',
        save: 'Lưu',
        cancel: 'Huỷ',
        edit: 'Sửa',
        delete: 'Xoá',
        resolve: 'Đánh dấu đã xong',
        unresolve: 'Mở lại',
        confirmDelete: 'Bạn có chắc muốn xoá ghi chú này?',
        shortcut: 'Mẹo: nhấn Ctrl+Enter để thêm ghi chú nhanh',
      },
      editorToolbar: {
        status: 'Trạng thái: %{status}',
        // The "preview" Decap shows is the pull request check's commit status (pr.yml).
        deployPreviewPendingButtonLabel: 'Xem kết quả kiểm tra',
        deployPreviewButtonLabel: 'Kiểm tra đạt – xem chi tiết',
        statusInfoTooltipDraft:
          'Bài đang là bản nháp. Khi viết xong, chuyển trạng thái sang “Đang xét duyệt” để gửi duyệt.',
        statusInfoTooltipInReview:
          'Bài đang được xét duyệt, bạn không cần làm gì thêm. Bạn vẫn có thể sửa tiếp trong lúc chờ duyệt.',
      },
      editorWidgets: {
        markdown: {
          bold: 'Đậm',
          italic: 'Nghiêng',
          strikethrough: 'Gạch ngang',
          code: 'Mã',
          link: 'Liên kết',
          linkPrompt: 'Nhập địa chỉ của liên kết',
          headings: 'Tiêu đề',
          quote: 'Trích dẫn',
          bulletedList: 'Danh sách dấu chấm',
          numberedList: 'Danh sách đánh số',
          addComponent: 'Thêm thành phần',
          toggleMode: {
            rich: 'Chuyển sang chế độ soạn thảo thường',
            markdown: 'Chuyển sang chế độ Markdown',
          },
        },
        image: {
          chooseMultiple: 'Chọn ảnh',
          chooseUrl: 'Chèn từ địa chỉ web',
          replaceUrl: 'Thay bằng địa chỉ web',
          promptUrl: 'Nhập địa chỉ web của ảnh',
          addMore: 'Thêm ảnh',
          removeAll: 'Xoá mọi ảnh',
        },
        file: {
          chooseUrl: 'Chèn từ địa chỉ web',
          chooseMultiple: 'Chọn tệp',
          replaceUrl: 'Thay bằng địa chỉ web',
          promptUrl: 'Nhập địa chỉ web của tệp',
          addMore: 'Thêm tệp',
          removeAll: 'Xoá mọi tệp',
        },
        datetime: { setToNow: 'Đặt %{fieldLabel} là bây giờ' },
        list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
        object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
      },
    },
    workflow: {
      // Decap formats this date with its English month names ("1 December"): numbers only.
      workflow: { dateFormat: 'DD/MM/YYYY' },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        copy: 'Sao chép',
        copyUrl: 'Sao chép địa chỉ',
        copyPath: 'Sao chép đường dẫn',
        copyName: 'Sao chép tên',
        copied: 'Đã sao chép',
      },
      mediaLibraryModal: {
        close: 'Đóng',
        chooseSelected: 'Dùng ảnh đã chọn',
        deleteSelected: 'Xoá ảnh đã chọn',
      },
    },
    ui: {
      settingsDropdown: { account: 'Tuỳ chọn tài khoản' },
      toast: {
        noteAdded: 'Đã thêm ghi chú',
        onFailToAddNote: 'Không thêm được ghi chú: %{details}',
        noteUpdated: 'Đã cập nhật ghi chú',
        onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
        noteDeleted: 'Đã xoá ghi chú',
        onFailToDeleteNote: 'Không xoá được ghi chú: %{details}',
        noteResolved: 'Đã đánh dấu ghi chú là xong',
        noteReopened: 'Đã mở lại ghi chú',
        onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
      },
    },
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = vi;
  } else {
    root.GuongSangVi = vi;
  }
})(typeof self !== 'undefined' ? self : this);
