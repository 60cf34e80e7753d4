"""luanchuyen: quản lý cán bộ, quy hoạch và luân chuyển cán bộ của Ban Tổ chức Tỉnh ủy."""
